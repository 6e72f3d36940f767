import Testing

@testable import Render

@Suite struct EscapeTests {
  @Test func htmlEscapesMarkupQuotesAndAmpersands() {
    #expect(
      Escape.html("<script>alert(1)</script> & \"x\" 'y'")
        == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;")
    #expect(Escape.html("Đạ Sar") == "Đạ Sar")
  }

  @Test func xmlReplacesCharactersXMLForbids() {
    #expect(Escape.xml("a\u{0}b\u{1B}c\td\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\td\u{FFFD}")
  }

  @Test func markdownEscapesInlineMarkupAndLineStarts() {
    #expect(
      Escape.markdown("*đậm* _nghiêng_ [link](x) `code` ~~x~~ $x$") == """
        \\*đậm\\* \\_nghiêng\\_ \\[link\\](x) \\`code\\` \\~\\~x\\~\\~ \\$x\\$
        """)
    #expect(Escape.markdown("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;")
    #expect(Escape.markdown("# tiêu đề") == "\\# tiêu đề")
    #expect(Escape.markdown("- mục") == "\\- mục")
    #expect(Escape.markdown("+ mục") == "\\+ mục")
    #expect(Escape.markdown("2023. năm") == "2023\\. năm")
    #expect(Escape.markdown("1) một") == "1\\) một")
    #expect(Escape.markdown("> trích") == "&gt; trích")
    #expect(Escape.markdown("    mã") == "mã")
    #expect(Escape.markdown("dòng 1\n===") == "dòng 1  \n\\===")
    #expect(Escape.markdown("a\\b") == "a\\\\b")
    #expect(Escape.markdown("giá 3.5") == "giá 3.5")
  }

  @Test func markdownCellsEscapePipesAndBreakLinesWithBr() {
    #expect(Escape.markdownCell("a|b\nc") == "a\\|b<br>c")
  }

  @Test func csvFieldsAreQuotedWhenNeeded() {
    #expect(Escape.csvField("plain") == "plain")
    #expect(Escape.csvField("a,b") == "\"a,b\"")
    #expect(Escape.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(Escape.csvField("a\r\nb") == "\"a\r\nb\"")
    #expect(Escape.csvField("=1+1") == "=1+1")
    #expect(Escape.csvField("=1+1", excel: true) == "'=1+1")
  }

  @Test func formulaDetectionFollowsOWASP() {
    for text in ["=1", "+1", "-1", "@a", "\t=1", "\r=1", "   -2"] {
      #expect(Escape.looksLikeFormula(text), "\(text)")
    }
    for text in ["", "a=1", "1-2", "Đạ Sar", "'=1"] {
      #expect(!Escape.looksLikeFormula(text), "\(text)")
    }
  }

  @Test func jsonEscapesQuotesBackslashesAndControls() {
    #expect(Escape.json("a\"b\\c\n\r\t\u{8}\u{C}\u{1F}") == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u001f\"")
    #expect(Escape.json("Đạ Sar") == "\"Đạ Sar\"")
  }
}
