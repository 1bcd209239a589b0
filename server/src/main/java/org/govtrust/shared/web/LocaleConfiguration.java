package org.govtrust.shared.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese by default, English on request. Pages switch with {@code ?lang=en} /
 * {@code ?lang=zh-CN}, remembered in a cookie; until a person has chosen, the sign-in pages
 * take the language an app asks for on its authorization request ({@code ui_locales},
 * {@link AppLanguageInterceptor}).
 * JSON APIs follow {@code Accept-Language} (zh or en), defaulting to Chinese.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	/** The pages' language switch. */
	static final String LANGUAGE_PARAMETER = "lang";

	/** The cookie that keeps a page language. */
	static final String LANGUAGE_COOKIE = "govtrust_lang";

	@Bean
	LocaleResolver localeResolver() {
		return new PageOrApiLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(LANGUAGE_PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new AppLanguageInterceptor(LANGUAGE_COOKIE)).addPathPatterns("/login", "/login/**");
	}

	static Locale supported(@Nullable Locale requested) {
		if (requested != null && "en".equals(requested.getLanguage())) {
			return Locale.ENGLISH;
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	static final class PageOrApiLocaleResolver extends CookieLocaleResolver {

		PageOrApiLocaleResolver() {
			super(LANGUAGE_COOKIE);
			setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
			setCookieSameSite("Lax");
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			if (GlobalExceptionAdvice.isApi(request)) {
				String header = request.getHeader("Accept-Language");
				return supported(header != null && !header.isBlank() ? request.getLocale() : null);
			}
			return supported(super.resolveLocale(request));
		}

		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			// lazy, so a ?lang= switch in this very request is seen by the page it renders
			return () -> resolveLocale(request);
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			super.setLocale(request, response, supported(locale));
		}

	}

}
