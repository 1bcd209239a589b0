package org.govtrust.shared.web;

import java.util.Locale;

import org.govtrust.shared.error.ErrorMessages;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past capacity the server answers at once with 503, Retry-After and the catalogue text.
 */
class OverloadProtectionFilterTests {

	@Test
	void doFilterWhenNoPermitLeftThenServiceUnavailableWithRetryAfter() throws Exception {
		OverloadProtectionFilter filter = filter(0);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/registrations");
		request.setRequestURI("/api/v1/registrations");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(response.getContentAsString()).contains("\"code\":\"SHR-5003\"").contains("\"retryAfter\":2");
		assertThat(chain.getRequest()).as("request never reached the application").isNull();
	}

	@Test
	void doFilterWhenPermitsLeftThenPassesAndReleases() throws Exception {
		OverloadProtectionFilter filter = filter(1);
		for (int i = 0; i < 3; i++) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
			MockFilterChain chain = new MockFilterChain();
			MockHttpServletResponse response = new MockHttpServletResponse();
			filter.doFilter(request, response, chain);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(chain.getRequest()).isNotNull();
		}
	}

	@Test
	void doFilterWhenApiAsksForEnglishThenEnglish() throws Exception {
		OverloadProtectionFilter filter = filter(0);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/registrations/x");
		request.addHeader("Accept-Language", "en");
		request.addPreferredLocale(Locale.ENGLISH);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getContentAsString()).contains("full capacity");
	}

	@Test
	void doFilterWhenPageRequestedThenHtmlInChinese() throws Exception {
		OverloadProtectionFilter filter = filter(0);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/register"), response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("SHR-5003").contains("满负荷");
	}

	private static OverloadProtectionFilter filter(int permits) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/shared");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		ErrorMessages errorMessages = new ErrorMessages(messages);
		return new OverloadProtectionFilter(new WebProperties(permits, 2),
				new ProblemWriter(new ProblemResponses(errorMessages), JsonMapper.builder().build()), errorMessages,
				new LocaleConfiguration.PageOrApiLocaleResolver());
	}

}
