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
     one existence test of all the paths, summary:present (PathPresence: the paths merged once into a tree of names,
     the rule's element's children visited once), is computed once when the rule fires; when it is false every one
     of those asserts holds, so they are skipped. When it is true, every assert runs as before, in its place. A valid
     invoice then pays one visit of the rule's element's children per rule, not one walk per assert (UBL's syntax
     rule on the document element has 643 of them, CII's line rules 4 to 54 per line).
  5. when asked (paths-once: the version for large invoices), in the rules below the document element (fired once
     per line, per tax, per allowance...), evaluates each absolute path of the asserts
     (//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID = 'VA'],
     /rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/...) once per
     document: a global variable holds it and the asserts read the variable. A path starting with / or // gives the
     same nodes from any node of the document, so only the cost changes (CII's line rules walked past every line to
     the header's parties, once per line: quadratic in the lines). Only scans that cannot raise an error
     are moved (names, paths, predicates of paths and string literals compared with = or !=, and, or: no function,
     no number, no variable), so reading them whole once instead of lazily per assert changes no outcome.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
                xmlns:summary="urn:achemine:en16931:path-summary"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map"
                xmlns:fn="http://www.w3.org/2005/xpath-functions"
                xmlns:scan="urn:achemine:en16931:document-scan"
                exclude-result-prefixes="summary map fn scan">
  <xsl:mode on-no-match="shallow-copy"/>
  <!-- rewrite the path-absence asserts (2.): a win on large invoices only, so the engine compiles both versions -->
  <xsl:param name="path-summary" as="xs:boolean" select="true()"/>
  <!-- read the absolute paths below the document element once per document (5.): a win on large invoices only -->
  <xsl:param name="paths-once" as="xs:boolean" select="true()"/>

  <!-- official match pattern -> the same rule looked up by name (3.): none unless given -->
  <xsl:param name="wildcard-rewrites" as="map(xs:string, xs:string*)" select="map{}"/>
  <!-- pattern mode -> the names of the elements its walk visits (6.), Q{ns}local separated by spaces: none unless given -->
  <xsl:param name="selective-walks" as="map(xs:string, xs:string)" select="map{}"/>

  <xsl:variable name="name" as="xs:string" select="'[A-Za-z][A-Za-z0-9]*:[A-Za-z][A-Za-z0-9_.\-]*'"/>
  <!-- A rule on the document element: /ubl:Invoice | /cn:CreditNote, /rsm:CrossIndustryInvoice. -->
  <xsl:variable name="document-element-rule" as="xs:string" select="'^/' || $name || '( \| /' || $name || ')*$'"/>
  <xsl:variable name="path-absence" as="xs:string"
                select="'^not\((\(' || $name || '(\|' || $name || ')*\)|' || $name || ')(/' || $name || ')*\)$'"/>

  <xsl:template match="svrl:fired-rule"/>

  <!-- whole-document scans read once per document (5.) -->
  <xsl:variable name="step-name" as="xs:string"
                select="'@?(\*|[A-Za-z_][A-Za-z0-9_.\-]*(:(\*|[A-Za-z_][A-Za-z0-9_.\-]*))?)'"/>
  <xsl:variable name="inner-predicate" as="xs:string" select="'\[([^\[\]'']|''[^'']*'')*\]'"/>
  <xsl:variable name="predicate" as="xs:string"
                select="'\[([^\[\]'']|''[^'']*''|' || $inner-predicate || ')*\]'"/>
  <xsl:variable name="step" as="xs:string" select="$step-name || '(' || $predicate || ')*'"/>
  <xsl:variable name="document-scan" as="xs:string" select="'/{1,2}' || $step || '(/{1,2}' || $step || ')*'"/>
  <!-- what a scan may hold once its string literals are blanked: names, and, or (no function, number, variable) -->
  <xsl:variable name="scan-token" as="xs:string"
                select="'^(and|or|\.|\.\.|@?\*|@?[A-Za-z_][A-Za-z0-9_.\-]*:([A-Za-z_][A-Za-z0-9_.\-]*|\*)|@[A-Za-z_][A-Za-z0-9_.\-]*)$'"/>
  <xsl:variable name="document-scan-tests" as="attribute()*"
                select="//xsl:template[$paths-once][not(matches(normalize-space(@match), $document-element-rule))]
                        //xsl:when/@test"/>
  <xsl:variable name="document-scans" as="xs:string*"
                select="distinct-values($document-scan-tests ! scan:parts(.)[scan:movable(.)] ! string())"/>

  <xsl:template match="xsl:template[$paths-once][not(matches(normalize-space(@match), $document-element-rule))]
                       //xsl:when/@test">
    <xsl:attribute name="test" select="string-join(scan:parts(.) ! (if (scan:movable(.))
        then '$' || scan:name(index-of($document-scans, string(.))) else string()))"/>
  </xsl:template>

  <!-- the test cut into the absolute paths, / or // (fn:match) and the text between them (fn:non-match) -->
  <xsl:function name="scan:parts" as="element()*">
    <xsl:param name="test" as="xs:string"/>
    <xsl:sequence select="analyze-string($test, $document-scan)/*"/>
  </xsl:function>

  <!-- a scan of the whole document, outside any string literal, that cannot raise an error -->
  <xsl:function name="scan:movable" as="xs:boolean">
    <xsl:param name="part" as="element()"/>
    <xsl:variable name="before" select="string-join($part/preceding-sibling::*)"/>
    <!-- what comes last before it, spaces aside: an operator, a bracket or nothing, not a step it would continue -->
    <xsl:variable name="last" select="replace($before, '\s+$', '')"/>
    <xsl:variable name="after" select="string($part/following-sibling::*[1])"/>
    <xsl:variable name="blanked" select="replace($part, '''[^'']*''', ' ')"/>
    <xsl:sequence select="exists($part/self::fn:match)
        and (not(matches($last, '[A-Za-z0-9_.\-:)\]/*@$&quot;'']$'))
             or matches($last, '(^|[\s(])(and|or|return|satisfies|then|else|in)$'))
        and not(matches($after, '^(\s*\(|[\p{L}\p{N}_.\-:])'))
        and string-length(replace($before, '[^'']', '')) mod 2 eq 0
        and string-length(replace($before, '[^&quot;]', '')) mod 2 eq 0
        and not(contains($part, '&quot;'))
        and not(matches($blanked, '[A-Za-z0-9_.\-]\(|![^=]'))
        and (every $token in tokenize($blanked, '[\s/\[\]=!(),|]+')[. ne ''] satisfies matches($token, $scan-token))"/>
  </xsl:function>

  <xsl:function name="scan:name" as="xs:string">
    <xsl:param name="index" as="xs:integer"/>
    <xsl:sequence select="'achemine-document-scan-' || $index"/>
  </xsl:function>

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
            <xsl:attribute name="select" select="'Q{urn:achemine:en16931:path-summary}present(., '''
                || string-join(distinct-values($guarded ! (for $path in summary:paths(xsl:when/@test)
                                                           return summary:key($path, xsl:when))), ' ') || ''')'"/>
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

  <!-- selective walks (6.): no rule walks its children; the catch-all becomes empty and the document node starts
       the one walk over the elements the rules can match -->
  <xsl:template match="xsl:template[map:contains($selective-walks, string(@mode))]
                       /xsl:apply-templates[@mode = ../@mode][@select = '@*|*']" priority="5"/>
  <xsl:template match="xsl:template[map:contains($selective-walks, string(@mode))][@match = '@*|node()']"
                priority="5">
    <xsl:next-match/>
    <xsl:element name="xsl:template">
      <xsl:attribute name="match" select="'document-node()'"/>
      <xsl:attribute name="mode" select="@mode"/>
      <xsl:attribute name="priority" select="'-2'"/>
      <xsl:element name="xsl:apply-templates">
        <xsl:attribute name="mode" select="@mode"/>
        <xsl:attribute name="select"
                       select="'Q{urn:achemine:en16931:selective-walk}elements(., ''' || $selective-walks(string(@mode)) || ''')'"/>
      </xsl:element>
    </xsl:element>
  </xsl:template>

  <!-- The rewritten tests call summary:count, a Java function (PathSummary). -->
  <xsl:template match="/xsl:stylesheet">
    <xsl:copy>
      <xsl:namespace name="summary" select="'urn:achemine:en16931:path-summary'"/>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="$document-scans">
        <xsl:element name="xsl:variable">
          <xsl:attribute name="name" select="scan:name(position())"/>
          <xsl:attribute name="select" select="."/>
        </xsl:element>
      </xsl:for-each>
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

  <!-- a/b as the summary writes it: Q{namespace}a/Q{namespace}b, prefixes resolved where the stylesheet has them -->
  <xsl:function name="summary:key" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:param name="scope" as="element()"/>
    <xsl:sequence select="string-join(for $step in tokenize($path, '/') return
        'Q{' || namespace-uri-for-prefix(substring-before($step, ':'), $scope) || '}'
        || substring-after($step, ':'), '/')"/>
  </xsl:function>
</xsl:stylesheet>
