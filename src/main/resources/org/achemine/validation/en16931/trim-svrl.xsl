<?xml version="1.0" encoding="UTF-8"?>
<!--
  Rewrites an official compiled Schematron at start-up, mechanically (see StylesheetTrimmer):
  1. drops the SVRL output achemine never reads (svrl:fired-rule, the empty default-mode walks);
  2. answers the path-absence asserts, not(a/b/c) or not((a|b)/c), of the rules whose context is a fixed path
     (/ubl:Invoice, /rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext...) from one summary per document:
     each element path under the document element and how many elements have it, built once per document
     instead of a tree walk per assert (the UBL syntax rule alone has 727 of them). Below the document element
     the summary answers only when a single element has the context's path (then "some element there has a/b/c"
     is "this one has"); otherwise the official XPath runs. Only tests made of plain child steps with prefixed
     names are rewritten; anything else stays as it is.
  3. answers the code-list tests, contains(' A B C ', concat(' ', normalize-space(X), ' ')), from a hash set of the
     list's codes (CodeListLookup, exact: it falls back to contains for an empty value or one with a space).
  En16931AgreesWithPhiveTest proves the findings unchanged.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
                xmlns:summary="urn:achemine:en16931:path-summary"
                xmlns:out="urn:achemine:en16931:xsl-out"
                exclude-result-prefixes="summary">
  <xsl:mode on-no-match="shallow-copy"/>
  <xsl:namespace-alias stylesheet-prefix="out" result-prefix="xsl"/>

  <xsl:variable name="name" as="xs:string" select="'[A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_.\-]*'"/>
  <!-- A rule on a fixed path: /a/b, or /a/b | /c/b (the same path below either document element). -->
  <xsl:variable name="fixed-path-rule" as="xs:string"
                select="'^/' || $name || '(/' || $name || ')*( \| /' || $name || '(/' || $name || ')*)*$'"/>
  <xsl:variable name="path-absence" as="xs:string"
                select="'^not\((\(' || $name || '(\|' || $name || ')*\)|' || $name || ')(/' || $name || ')*\)$'"/>

  <!-- contains(' LIST ', concat(' ', normalize-space(.|@a|upper-case(.)), ' ')), groups: 1 the list, 2 the value -->
  <xsl:variable name="code-list" as="xs:string"
      select="'contains\(''( [^'']* )'', concat\('' '', (normalize-space\((\.|@[A-Za-z]+|upper-case\(\.\))\)), '' ''\)\)'"/>

  <xsl:template match="svrl:fired-rule"/>
  <xsl:template match="svrl:active-pattern/xsl:apply-templates[not(@mode) and not(@select)]"/>

  <!-- The summary: each element path under the document element (Q{namespace}local steps) → how many elements. -->
  <xsl:template match="/xsl:stylesheet">
    <xsl:copy>
      <xsl:namespace name="map" select="'http://www.w3.org/2005/xpath-functions/map'"/>
      <xsl:namespace name="summary" select="'urn:achemine:en16931:path-summary'"/>
      <xsl:namespace name="codes" select="'urn:achemine:en16931:code-lists'"/>
      <xsl:apply-templates select="@*"/>
      <out:variable name="summary:paths" as="map(xs:string, xs:integer)">
        <out:map>
          <out:for-each-group select="/*/descendant::*" group-by="string-join(ancestor-or-self::*[parent::*]
              /('Q{{' || namespace-uri() || '}}' || local-name()), '/')">
            <out:map-entry key="current-grouping-key()" select="count(current-group())"/>
          </out:for-each-group>
        </out:map>
      </out:variable>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="xsl:template[matches(normalize-space(@match), $fixed-path-rule)]
                       //xsl:when[matches(@test, $path-absence)]">
    <!-- the context's path below the document element, as a summary key ('' for the document element) -->
    <xsl:variable name="contexts" as="xs:string*" select="distinct-values(
        for $alternative in tokenize(normalize-space(ancestor::xsl:template[1]/@match), ' \| ')
        return summary:key(string-join(tokenize($alternative, '/')[position() gt 2], '/'), .))"/>
    <xsl:copy>
      <xsl:choose>
        <xsl:when test="count($contexts) = 1 and $contexts = ''">
          <xsl:attribute name="test" select="summary:absent(@test, '', .)"/>
        </xsl:when>
        <xsl:when test="count($contexts) = 1">
          <xsl:attribute name="test" select="'(if ($summary:paths(''' || $contexts || ''') eq 1) then '
              || summary:absent(@test, $contexts || '/', .) || ' else ' || @test || ')'"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="@test"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="xsl:when/@test[matches(., $code-list)]">
    <xsl:attribute name="test" select="replace(., $code-list, 'codes:listed($2, ''$1'')')"/>
  </xsl:template>

  <!-- a/b as the summary writes it: Q{namespace}a/Q{namespace}b, prefixes resolved where the stylesheet has them -->
  <xsl:function name="summary:key" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:param name="scope" as="element()"/>
    <xsl:sequence select="string-join(for $step in tokenize($path, '/')[. ne ''] return
        'Q{' || namespace-uri-for-prefix(substring-before($step, ':'), $scope) || '}'
        || substring-after($step, ':'), '/')"/>
  </xsl:function>

  <!-- not((a|b)/c) in context x becomes not(map:contains($summary:paths, 'x/a/c') or map:contains(..., 'x/b/c')) -->
  <xsl:function name="summary:absent" as="xs:string">
    <xsl:param name="test" as="xs:string"/>
    <xsl:param name="context" as="xs:string"/>
    <xsl:param name="scope" as="element()"/>
    <xsl:variable name="path" select="substring($test, 5, string-length($test) - 5)"/>
    <xsl:variable name="first" select="if (starts-with($path, '(')) then substring-before(substring($path, 2), ')')
                                       else tokenize($path, '/')[1]"/>
    <xsl:variable name="rest" select="if (starts-with($path, '(')) then substring-after($path, ')')
                                      else substring($path, string-length($first) + 1)"/>
    <xsl:variable name="keys" as="xs:string*"
                  select="tokenize($first, '\|') ! ($context || summary:key(. || $rest, $scope))"/>
    <xsl:sequence select="'not(' || string-join($keys ! ('map:contains($summary:paths, ''' || . || ''')'), ' or ')
        || ')'"/>
  </xsl:function>
</xsl:stylesheet>
