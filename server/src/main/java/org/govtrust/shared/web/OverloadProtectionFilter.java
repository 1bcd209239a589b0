package org.govtrust.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.SharedError;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;


/**
 * Past {@code govtrust.web.max-concurrent-requests} requests in flight, answers 503 with
 * {@code Retry-After} at once (DESIGN rule 7) instead of letting every request slow down;
 * nothing already accepted is dropped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class OverloadProtectionFilter extends OncePerRequestFilter {

	private final Semaphore permits;

	private final Duration retryAfter;

	private final ProblemWriter problemWriter;

	private final ErrorMessages messages;

	private final LocaleResolver localeResolver;

	OverloadProtectionFilter(WebProperties properties, ProblemWriter problemWriter, ErrorMessages messages,
			LocaleResolver localeResolver) {
		this.problemWriter = problemWriter;
		this.localeResolver = localeResolver;
		this.permits = new Semaphore(properties.maxConcurrentRequests());
		this.retryAfter = Duration.ofSeconds(properties.overloadRetryAfterSeconds());
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.permits.tryAcquire()) {
			// this filter runs before Spring MVC has set the request's locale
			LocaleContextHolder.setLocale(this.localeResolver.resolveLocale(request));
			try {
				refuse(request, response);
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", Long.toString(this.retryAfter.toSeconds()));
		if (ProblemWriter.isApi(request)) {
			this.problemWriter.write(request, response, SharedError.OVERLOADED, this.retryAfter);
			return;
		}
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		String text = HtmlUtils.htmlEscape(this.messages.message(SharedError.OVERLOADED));
		response.getWriter()
			.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>503</title></head><body><p>"
					+ "SHR-5003 " + text + "</p></body></html>");
	}

}
