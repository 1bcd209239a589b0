package org.govtrust.login.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a sign-in goes on to: a local address only, whatever a crafted {@code next} holds.
 */
class SignInSupportTests {

	@Test
	void safeNextKeepsLocalAddresses() {
		assertThat(SignInSupport.safeNext("/account", "/fallback")).isEqualTo("/account");
		assertThat(SignInSupport.safeNext("/oauth2/authorize?client_id=a&redirect_uri=http%3A%2F%2Fx%2Fcb", "/fallback"))
			.isEqualTo("/oauth2/authorize?client_id=a&redirect_uri=http%3A%2F%2Fx%2Fcb");
		assertThat(SignInSupport.safeNext("/证照", "/fallback")).isEqualTo("/证照");
	}

	@Test
	void safeNextRefusesAddressesABrowserReadsAsAnotherSite() {
		assertThat(SignInSupport.safeNext(null, "/fallback")).isEqualTo("/fallback");
		assertThat(SignInSupport.safeNext("https://elsewhere.example/", "/fallback")).isEqualTo("/fallback");
		assertThat(SignInSupport.safeNext("//elsewhere.example/", "/fallback")).isEqualTo("/fallback");
		assertThat(SignInSupport.safeNext("/\\elsewhere.example/", "/fallback")).isEqualTo("/fallback");
		// browsers drop tabs and line breaks from an address: each of these would be //elsewhere
		assertThat(SignInSupport.safeNext("/\t/elsewhere.example/", "/fallback")).isEqualTo("/fallback");
		assertThat(SignInSupport.safeNext("/\n/elsewhere.example/", "/fallback")).isEqualTo("/fallback");
		assertThat(SignInSupport.safeNext("/\r/elsewhere.example/", "/fallback")).isEqualTo("/fallback");
		assertThat(SignInSupport.safeNext("/a\\b", "/fallback")).isEqualTo("/fallback");
		assertThat(SignInSupport.safeNext("/a b", "/fallback")).isEqualTo("/fallback");
	}

}
