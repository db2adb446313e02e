<?xml version="1.0" encoding="UTF-8"?>
<!--
  Rewrites an official compiled Schematron at start-up, mechanically (see StylesheetTrimmer):
  1. drops the SVRL output achemine never reads (svrl:fired-rule, the empty default-mode walks);
  2. when asked (path-summary), answers the path-absence asserts, not(a/b/c) or not((a|b)/c), of the rules on
     the document element (/ubl:Invoice | /cn:CreditNote, /rsm:CrossIndustryInvoice) from one summary per
     document (PathSummary: each element path under the document element and how many elements have it) instead
     of a walk of the document element's children per assert (the UBL syntax rule alone has 727 of them, and UBL
     invoice lines are among those children). Only tests made of plain child steps with prefixed names are
     rewritten; anything else stays as it is.
  4. when asked (name-key), serves the whole-document scans of the asserts, //cac:X, from one index of the
     document's elements by name (xsl:key, built once per transformation) instead of a walk of the whole
     document per scan (the UBL model root rule alone has ~170 of them per document). Only a scan at the start
     of a path (not a//b, not .//b) and not followed by a positional predicate ([1], [last()]) is rewritten.
  3. when given (wildcard-rewrites), replaces the match patterns of the wildcard rules (//*[ends-with(name(), 'Amount')
     and ...]) with their rewrites by element name, computed and guarded per document by WildcardIndex.
  En16931AgreesWithPhiveTest proves the findings unchanged.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
                xmlns:summary="urn:achemine:en16931:path-summary"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"
                exclude-result-prefixes="summary map">
  <xsl:mode on-no-match="shallow-copy"/>
  <!-- rewrite the path-absence asserts (2.): a win on large invoices only, so the engine compiles both versions -->
  <xsl:param name="path-summary" as="xs:boolean" select="true()"/>

  <!-- official match pattern -> the same rule looked up by name (3.): none unless given -->
  <xsl:param name="wildcard-rewrites" as="map(xs:string, xs:string*)" select="map{}"/>

  <!-- serve the //prefix:name scans of the asserts from a per-document index by name (4.) -->
  <xsl:param name="name-key" as="xs:boolean" select="true()"/>

  <xsl:variable name="name" as="xs:string" select="'[A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_.\-]*'"/>
  <!-- A rule on the document element: /ubl:Invoice | /cn:CreditNote, /rsm:CrossIndustryInvoice. -->
  <xsl:variable name="document-element-rule" as="xs:string" select="'^/' || $name || '( \| /' || $name || ')*$'"/>
  <xsl:variable name="path-absence" as="xs:string"
                select="'^not\((\(' || $name || '(\|' || $name || ')*\)|' || $name || ')(/' || $name || ')*\)$'"/>

  <xsl:template match="svrl:fired-rule"/>

  <!-- one template per name, not one union: Saxon-HE indexes a template rule by name only when its pattern names one -->
  <xsl:template match="xsl:template[map:contains($wildcard-rewrites, string(@match))]">
    <xsl:variable name="template" select="."/>
    <xsl:for-each select="$wildcard-rewrites(string(@match))">
      <xsl:variable name="branch" select="."/>
      <xsl:for-each select="$template">
        <xsl:copy>
          <xsl:apply-templates select="@* except @match"/>
          <xsl:attribute name="match" select="$branch"/>
          <xsl:apply-templates select="node()"/>
        </xsl:copy>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="svrl:active-pattern/xsl:apply-templates[not(@mode) and not(@select)]"/>

  <!-- The rewritten tests call summary:count, a Java function (PathSummary). -->
  <xsl:template match="/xsl:stylesheet">
    <xsl:copy>
      <xsl:namespace name="summary" select="'urn:achemine:en16931:path-summary'"/>
      <xsl:apply-templates select="@*"/>
      <xsl:apply-templates select="node()"/>
      <xsl:if test="$name-key">
        <xsl:element name="xsl:key" namespace="http://www.w3.org/1999/XSL/Transform">
          <xsl:attribute name="name" select="'summary:by-name'"/>
          <xsl:attribute name="match" select="string-join(distinct-values(
              (//xsl:template[@mode]//xsl:when/@test | //xsl:template[@mode]//xsl:if/@test)
              ! summary:scanned-names(., ..)), ' | ')"/>
          <xsl:attribute name="use" select="$name-key-of-element"/>
        </xsl:element>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <!-- the key of an element in the index (4.): its expanded name as Q{namespace}local -->
  <xsl:variable name="name-key-of-element" as="xs:string" select="'''Q{'' || namespace-uri() || ''}'' || local-name()'"/>

  <!-- //p:x at the start of a path (the character before it cannot end a step), unless a positional predicate follows -->
  <xsl:variable name="whole-document-scan" as="xs:string"
                select="'(^|[^A-Za-z0-9_.\-)\]*$@/])//([A-Za-z][A-Za-z0-9_.\-]*):([A-Za-z][A-Za-z0-9_.\-]*)(\s*\[\s*(\d|\$|last\s*\(|position\s*\())?'"/>

  <xsl:template match="xsl:template[@mode]//xsl:when/@test[$name-key] | xsl:template[@mode]//xsl:if/@test[$name-key]">
    <xsl:attribute name="test" select="summary:scans-by-name(., ..)"/>
  </xsl:template>

  <!-- the names a test scans the whole document for, as Q{namespace}local: what the index holds -->
  <xsl:function name="summary:scanned-names" as="xs:string*">
    <xsl:param name="test" as="xs:string"/>
    <xsl:param name="scope" as="element()"/>
    <xsl:analyze-string select="$test" regex="{$whole-document-scan}">
      <xsl:matching-substring>
        <xsl:sequence select="if (regex-group(4) != '') then () else
            'Q{' || namespace-uri-for-prefix(regex-group(2), $scope) || '}' || regex-group(3)"/>
      </xsl:matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <!-- (//cac:X/cbc:Y) becomes (key('summary:by-name', 'Q{urn:…}X')/cbc:Y): the same nodes, in document order -->
  <xsl:function name="summary:scans-by-name" as="xs:string">
    <xsl:param name="test" as="xs:string"/>
    <xsl:param name="scope" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:analyze-string select="$test" regex="{$whole-document-scan}">
        <xsl:matching-substring>
          <xsl:sequence select="if (regex-group(4) != '') then . else regex-group(1)
              || 'key(''summary:by-name'', ''Q{' || namespace-uri-for-prefix(regex-group(2), $scope) || '}'
              || regex-group(3) || ''')'"/>
        </xsl:matching-substring>
        <xsl:non-matching-substring>
          <xsl:sequence select="."/>
        </xsl:non-matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <xsl:template match="xsl:template[matches(normalize-space(@match), $document-element-rule)]
                       //xsl:when[$path-summary][matches(@test, $path-absence)]">
    <xsl:copy>
      <xsl:attribute name="test" select="summary:absent(@test, .)"/>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- not((a|b)/c) becomes (summary:count(., 'a/c') + summary:count(., 'b/c') eq 0), names as Q{namespace}local -->
  <xsl:function name="summary:absent" as="xs:string">
    <xsl:param name="test" as="xs:string"/>
    <xsl:param name="scope" as="element()"/>
    <xsl:variable name="path" select="substring($test, 5, string-length($test) - 5)"/>
    <xsl:variable name="first" select="if (starts-with($path, '(')) then substring-before(substring($path, 2), ')')
                                       else tokenize($path, '/')[1]"/>
    <xsl:variable name="rest" select="if (starts-with($path, '(')) then substring-after($path, ')')
                                      else substring($path, string-length($first) + 1)"/>
    <xsl:variable name="keys" as="xs:string*" select="tokenize($first, '\|') ! summary:key(. || $rest, $scope)"/>
    <xsl:sequence select="'(' || string-join($keys ! ('summary:count(., ''' || . || ''')'), ' + ') || ' eq 0)'"/>
  </xsl:function>

  <!-- a/b as the summary writes it: Q{namespace}a/Q{namespace}b, prefixes resolved where the stylesheet has them -->
  <xsl:function name="summary:key" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:param name="scope" as="element()"/>
    <xsl:sequence select="string-join(for $step in tokenize($path, '/') return
        'Q{' || namespace-uri-for-prefix(substring-before($step, ':'), $scope) || '}'
        || substring-after($step, ':'), '/')"/>
  </xsl:function>
</xsl:stylesheet>
