package io.protoguard.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTest {

    @Test
    void neutralisesFormulaStarts() {
        assertThat(CellText.neutralise("=1+2")).isEqualTo("'=1+2");
        assertThat(CellText.neutralise("+1")).isEqualTo("'+1");
        assertThat(CellText.neutralise("-5 mg")).isEqualTo("'-5 mg");
        assertThat(CellText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CellText.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CellText.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CellText.neutralise("a=b")).isEqualTo("a=b");
        assertThat(CellText.neutralise("")).isEmpty();
        assertThat(CellText.neutralise(null)).isNull();
    }

    @Test
    void truncatesWithEllipsisAndKeepsSurrogatePairsWhole() {
        assertThat(CellText.truncate("abcdef", 4)).isEqualTo("abc\u2026");
        assertThat(CellText.truncate("abcd", 4)).isEqualTo("abcd");
        String emoji = "ab\uD83D\uDE00cd"; // a, b, one emoji (two chars), c, d
        assertThat(CellText.truncate(emoji, 4)).isEqualTo("ab\u2026");
    }

    @Test
    void oneLineBlanksControlCharacters() {
        assertThat(CellText.oneLine("a\nb\r\n\tc \u001b[31mred", "-")).isEqualTo("a b c [31mred");
        assertThat(CellText.oneLine("  ", "-")).isEqualTo("-");
        assertThat(CellText.oneLine(null, "-")).isEqualTo("-");
    }
}
