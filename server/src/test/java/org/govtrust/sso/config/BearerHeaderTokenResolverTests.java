package org.govtrust.sso.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link BearerHeaderTokenResolver} reads every header as Spring's
 * {@link DefaultBearerTokenResolver} does: the same token, nothing, or the same refusal.
 */
class BearerHeaderTokenResolverTests {

	@ParameterizedTest
	@ValueSource(strings = { "Bearer abc", "bearer abc", "BEARER abc.def-ghi_jkl~mno+pqr/stu", "Bearer abc==",
			"Bearer a=", "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc def", "Bearer abc=d",
			"Bearer =", "Bearer abc\t", "Bearer 令牌", "Basic dXNlcjpwYXNz", "Bear abc", "", "Bearer abc,def",
			"bearertoken", "Bearer eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl" })
	void readsTheHeaderAsSpringsResolverDoes(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/userinfo");
		request.addHeader("Authorization", header);
		String expected = null;
		OAuth2AuthenticationException refused = catchThrowableOfType(OAuth2AuthenticationException.class,
				() -> new DefaultBearerTokenResolver().resolve(request));
		if (refused == null) {
			expected = new DefaultBearerTokenResolver().resolve(request);
		}
		String actual = null;
		OAuth2AuthenticationException ours = catchThrowableOfType(OAuth2AuthenticationException.class,
				() -> new BearerHeaderTokenResolver(AnyRequestMatcher.INSTANCE).resolve(request));
		if (ours == null) {
			actual = new BearerHeaderTokenResolver(AnyRequestMatcher.INSTANCE).resolve(request);
		}
		assertThat(actual).isEqualTo(expected);
		if (refused == null) {
			assertThat(ours).isNull();
		}
		else {
			assertThat(ours).isNotNull();
			assertThat(ours.getError().getErrorCode()).isEqualTo(refused.getError().getErrorCode());
			assertThat(ours.getError().getDescription()).isEqualTo(refused.getError().getDescription());
		}
	}

	@Test
	void aBearerHeaderElsewhereIsIgnored() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
		request.addHeader("Authorization", "Bearer abc");
		BearerHeaderTokenResolver userInfoOnly = new BearerHeaderTokenResolver(
				PathPatternRequestMatcher.withDefaults().matcher("/userinfo"));
		assertThat(userInfoOnly.resolve(request)).isNull();
		request.setRequestURI("/userinfo");
		assertThat(userInfoOnly.resolve(request)).isEqualTo("abc");
	}

	@Test
	void noHeaderIsNoToken() {
		assertThat(new BearerHeaderTokenResolver(AnyRequestMatcher.INSTANCE).resolve(new MockHttpServletRequest("GET", "/userinfo"))).isNull();
	}

}
