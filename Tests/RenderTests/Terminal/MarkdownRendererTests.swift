import Testing

@testable import Render

@Suite struct MarkdownRendererTests {
  @Test func tablesArePaddedInDisplayWidthAndNumbersAlignRight() {
    let table = Table(
      columns: [Column("id", kind: .integer), Column("unit", label: "Đơn vị"), Column("x")],
      rows: [[1, "Đạ Sar", "中文"], [12, "Lát", nil]])
    #expect(
      MarkdownRenderer().render(table) == """
        |  id | Đơn vị | x    |
        |----:|--------|------|
        |   1 | Đạ Sar | 中文 |
        |  12 | Lát    |      |

        """)
  }

  @Test func dataCannotBreakTheTableOrInjectMarkup() {
    let table = Table(
      columns: [Column("a|b")],
      rows: [["x | y"], ["<script>alert(1)</script>"], ["*b* [l](u) `c`\nline 2"], ["# h"]])
    #expect(
      MarkdownRenderer().render(table) == """
        | a\\|b                                  |
        |---------------------------------------|
        | x \\| y                                |
        | &lt;script&gt;alert(1)&lt;/script&gt; |
        | \\*b\\* \\[l\\](u) \\`c\\`<br>line 2        |
        | \\# h                                  |

        """)
  }

  @Test func aRowLimitAddsALineAfterTheTable() {
    let table = Table(columns: [Column("a")], rows: [["x"], ["y"], ["z"]])
    #expect(
      MarkdownRenderer(maxRows: 1, language: .en).render(table) == """
        | a   |
        |-----|
        | x   |

        … 2 more rows

        """)
  }
}
