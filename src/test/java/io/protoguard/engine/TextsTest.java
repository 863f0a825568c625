package io.protoguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages show the breach (SPEC section 6): seconds when there are any, one more decimal than the bound. */
class TextsTest {

    @Test
    void hoursShowSecondsOnlyWhenThereAreAny() {
        assertThat(Texts.hours(60)).isEqualTo("60:00 h");
        assertThat(Texts.hours(62.5)).isEqualTo("62:30 h");
        assertThat(Texts.hours(60 + 1 / 3600.0)).isEqualTo("60:00:01 h");
        assertThat(Texts.hours(-(1.25))).isEqualTo("-1:15 h");
        assertThat(Texts.hours(132 + 30 / 3600.0)).isEqualTo("132:00:30 h");
    }

    @Test
    void aValueBesideItsBoundHasOneMoreDecimalAndMoreWhileItWouldReadAsTheBound() {
        assertThat(Texts.beside(5.281, 4.8 * 1.1)).isEqualTo("5.281");
        assertThat(Texts.beside(5.2801, 5.28)).isEqualTo("5.2801");
        assertThat(Texts.beside(4.3199, 4.32)).isEqualTo("4.3199");
        assertThat(Texts.beside(3.0, 2)).isEqualTo("3.0");
        assertThat(Texts.beside(2.05, 2)).isEqualTo("2.1");
        assertThat(Texts.beside(2.0004, 2)).isEqualTo("2.0004");
    }
}
