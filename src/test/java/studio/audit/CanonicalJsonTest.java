package studio.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndDropsWhitespace() {
        String json = "{ \"b\" : 1,\n \"a\" : { \"z\": [ 3, {\"y\":true, \"x\":null} ], \"m\": \"v\" } }";
        assertEquals("{\"a\":{\"m\":\"v\",\"z\":[3,{\"x\":null,\"y\":true}]},\"b\":1}", CanonicalJson.canonicalize(json));
    }

    @Test
    void keepsArrayOrder() {
        assertEquals("[3,1,2]", CanonicalJson.canonicalize("[3, 1, 2]"));
    }

    @Test
    void sortsKeysByUtf16CodeUnitsLikeRfc8785() {
        // U+00E9 (0x00E9) sorts before U+1F600 (surrogates 0xD83D..) and after "z"; uppercase before lowercase.
        assertEquals("{\"Z\":1,\"a\":2,\"z\":3,\"\u00e9\":4,\"\ud83d\ude00\":5}",
                CanonicalJson.canonicalize("{\"\ud83d\ude00\":5,\"\u00e9\":4,\"z\":3,\"a\":2,\"Z\":1}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.50|1.5", "15e-1|1.5", "1E2|100", "100.0|100", "-0|0", "-0.0|0", "0.000|0", "12345678901234567890123|12345678901234567890123",
        "91.3|91.3", "-2.500|-2.5", "1e-7|0.0000001", "7|7"})
    void writesNumbersInPlainShortestDecimal(String in, String out) {
        assertEquals(out, CanonicalJson.canonicalize(in));
    }

    @Test
    void escapesOnlyQuoteBackslashAndControlCharacters() {
        String json = "\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001f/\\u00e9\u20ac\"";
        assertEquals("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001f/\u00e9\u20ac\"", CanonicalJson.canonicalize(json));
    }

    @Test
    void aRepeatedKeyKeepsItsLastValueAsJsonbDoes() {
        assertEquals("{\"a\":2}", CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"));
    }

    @Test
    void equalDocumentsSpelledDifferentlyAreIdentical() {
        assertEquals(CanonicalJson.canonicalize("{\"qa\":91.30,\"ids\":[1,2]}"),
                CanonicalJson.canonicalize("{\n  \"ids\" : [ 1 , 2 ],\n  \"qa\" : 9.13e1\n}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\":}", "{} {}", "[1,]", "nope", "{'a':1}"})
    void refusesWhatIsNotExactlyOneJsonValue(String text) {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize(text));
    }

    @Test
    void scalarsAtTopLevel() {
        assertEquals("true", CanonicalJson.canonicalize(" true "));
        assertEquals("null", CanonicalJson.canonicalize("null"));
        assertEquals("\"x\"", CanonicalJson.canonicalize("\"x\""));
    }
}
