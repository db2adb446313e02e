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
  3. when given (wildcard-rewrites), replaces the match patterns of the wildcard rules (//*[ends-with(name(), 'Amount')
     and ...]) with their rewrites by element name, computed and guarded per document by WildcardIndex.
  4. in a rule with several path-absence asserts left as XPath, evaluates them only when one of their paths exists:
     one existence test of all the paths, merged into a tree of steps (a/b/c and a/b/d: a/b/(c | d)), is computed
     once when the rule fires; when it is false every one of those asserts holds, so they are skipped. When it is
     true, every assert runs as before, in its place. A valid invoice then pays one walk per rule, not one per
     assert (UBL's syntax rule on the document element has 643 of them, CII's line rules 4 to 54 per line).
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

  <xsl:variable name="name" as="xs:string" select="'[A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_.\-]*'"/>
  <!-- A rule on the document element: /ubl:Invoice | /cn:CreditNote, /rsm:CrossIndustryInvoice. -->
  <xsl:variable name="document-element-rule" as="xs:string" select="'^/' || $name || '( \| /' || $name || ')*$'"/>
  <xsl:variable name="path-absence" as="xs:string"
                select="'^not\((\(' || $name || '(\|' || $name || ')*\)|' || $name || ')(/' || $name || ')*\)$'"/>

  <xsl:template match="svrl:fired-rule"/>

  <!-- the path-absence asserts of each rule left as XPath (4.); those the path summary answers are not -->
  <xsl:key name="path-absence" use="generate-id(..)"
           match="xsl:template[not($path-summary and matches(normalize-space(@match), $document-element-rule))]
                  /xsl:choose[xsl:when[matches(@test, $path-absence)]]"/>

  <xsl:template match="xsl:template/xsl:choose">
    <xsl:variable name="guarded" select="key('path-absence', generate-id(..))"/>
    <xsl:choose>
      <xsl:when test="count($guarded) ge 2 and exists(. intersect $guarded)">
        <xsl:if test=". is $guarded[1]">
          <xsl:element name="xsl:variable">
            <xsl:attribute name="name" select="'achemine-some-path-present'"/>
            <xsl:attribute name="as" select="'xs:boolean'"/>
            <xsl:attribute name="select"
                           select="'exists(' || summary:steps($guarded ! summary:paths(xsl:when/@test)) || ')'"/>
          </xsl:element>
        </xsl:if>
        <xsl:element name="xsl:if">
          <xsl:attribute name="test" select="'$achemine-some-path-present'"/>
          <xsl:next-match/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

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
    </xsl:copy>
  </xsl:template>

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
    <xsl:variable name="keys" as="xs:string*" select="summary:paths($test) ! summary:key(., $scope)"/>
    <xsl:sequence select="'(' || string-join($keys ! ('summary:count(., ''' || . || ''')'), ' + ') || ' eq 0)'"/>
  </xsl:function>

  <!-- the paths a path-absence test denies: not((a|b)/c) denies a/c and b/c -->
  <xsl:function name="summary:paths" as="xs:string*">
    <xsl:param name="test" as="xs:string"/>
    <xsl:variable name="path" select="substring($test, 5, string-length($test) - 5)"/>
    <xsl:variable name="first" select="if (starts-with($path, '(')) then substring-before(substring($path, 2), ')')
                                       else tokenize($path, '/')[1]"/>
    <xsl:variable name="rest" select="if (starts-with($path, '(')) then substring-after($path, ')')
                                      else substring($path, string-length($first) + 1)"/>
    <xsl:sequence select="tokenize($first, '\|') ! (. || $rest)"/>
  </xsl:function>

  <!-- paths as one expression, shared first steps once: (a/b, a/c/d, e) becomes (a/(b | c/d) | e); a path that
       ends at a step another path goes through makes the step enough: (a, a/b) becomes (a) -->
  <xsl:function name="summary:steps" as="xs:string">
    <xsl:param name="paths" as="xs:string*"/>
    <xsl:variable name="branches" as="xs:string*">
      <xsl:for-each-group select="$paths" group-by="tokenize(., '/')[1]">
        <xsl:variable name="rests" select="current-group() ! substring-after(., '/')"/>
        <xsl:sequence select="if (some $rest in $rests satisfies $rest eq '') then current-grouping-key()
                              else current-grouping-key() || '/' || summary:steps($rests)"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="'(' || string-join($branches, ' | ') || ')'"/>
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
