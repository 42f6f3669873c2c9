package uk.placements.query.dashboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Accept-Encoding headers let a kept answer go gzipped (RFC 9110, 12.5.3: a q of 0 means "not acceptable"). */
class AcceptsGzipTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip | true",
            "gzip, deflate, br | true",
            "deflate, GZIP;q=0.5 | true",
            "gzip ; q=1.0 | true",
            "* | true",
            "*;q=0.1, identity | true",
            "gzip;q=0 | false",
            "gzip; q=0.000, * | false",
            "identity | false",
            "deflate, br | false",
            "x-gzip | false",
            "*;q=0 | false",
            "'' | false"})
    void anAcceptEncodingHeader(String header, boolean accepts) {
        assertThat(KeptAnswersJson.Converter.acceptsGzip(Collections.enumeration(List.of(header)))).isEqualTo(accepts);
    }

    @Test
    void noHeader() {
        assertThat(KeptAnswersJson.Converter.acceptsGzip(Collections.emptyEnumeration())).isFalse();
        assertThat(KeptAnswersJson.Converter.acceptsGzip(null)).isFalse();
    }
}
