package dev.roster.confluent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Page tokens and filter values survive the trip through a URL")
class QueryValuesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UvmDWOB1iwfAIBPj6EYb", "ab+c/d==", "a b&c=d?e#f", "é€😀", "%41", "ada+ops@example.com"})
    @DisplayName("encoding escapes all but unreserved characters, and decoding restores the value")
    void roundTrip(String value) {
        String encoded = QueryValues.encode(value);
        assertThat(encoded).matches("[A-Za-z0-9._~%-]*");
        assertThat(QueryValues.decode(encoded)).isEqualTo(value);
        assertThat(QueryValues.pageToken("https://api.confluent.cloud/iam/v2/invitations?page_token=" + encoded)).contains(value);
    }

    @Test
    @DisplayName("reads page_token among other parameters, before a fragment, and from links java.net.URI rejects")
    void findsTheToken() {
        assertThat(QueryValues.pageToken("https://h/iam/v2/invitations?page_size=10&page_token=x%2By&email=a%40b.c"))
                .contains("x+y");
        assertThat(QueryValues.pageToken("https://h/p?page_token=abc#frag")).contains("abc");
        assertThat(QueryValues.pageToken("https://h/p?page_token=a|b^c")).contains("a|b^c");
        assertThat(QueryValues.pageToken("https://h/p?page_token=100%")).contains("100%");
    }

    @Test
    @DisplayName("finds no token in an empty link, a link without a query, or with an empty token")
    void noToken() {
        assertThat(QueryValues.pageToken(null)).isEmpty();
        assertThat(QueryValues.pageToken("  ")).isEmpty();
        assertThat(QueryValues.pageToken("https://h/iam/v2/invitations")).isEmpty();
        assertThat(QueryValues.pageToken("https://h/iam/v2/invitations?page_token=")).isEmpty();
        assertThat(QueryValues.pageToken("https://h/iam/v2/invitations?page_tokens=x&xpage_token=y")).isEmpty();
    }
}
