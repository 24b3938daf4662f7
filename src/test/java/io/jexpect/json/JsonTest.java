package io.jexpect.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void escapesWhatJsonForbidsAndKeepsTheRest() {
        assertThat(Json.quote("a\"b\\c\nd\re\tf")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\"");
        assertThat(Json.quote("\b\f\u0000\u001b[0m\u007f")).isEqualTo("\"\\b\\f\\u0000\\u001b[0m\\u007f\"");
        assertThat(Json.quote("café 中文 \uD83D\uDE00")).isEqualTo("\"café 中文 \uD83D\uDE00\"");
    }

    @Test
    void loneSurrogatesAreEscapedSoTheFileStaysValidUtf8() {
        assertThat(Json.quote("a\uD83Db")).isEqualTo("\"a\\ud83db\"");
        assertThat(Json.quote("\uDE00x\uD83D")).isEqualTo("\"\\ude00x\\ud83d\"");
    }
}
