<?xml version="1.0" encoding="UTF-8"?>
<!-- Drops the SVRL output of a compiled Schematron that achemine never reads (see StylesheetTrimmer). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
  <xsl:mode on-no-match="shallow-copy"/>
  <xsl:template match="svrl:fired-rule"/>
  <xsl:template match="svrl:active-pattern/xsl:apply-templates[not(@mode) and not(@select)]"/>
</xsl:stylesheet>
