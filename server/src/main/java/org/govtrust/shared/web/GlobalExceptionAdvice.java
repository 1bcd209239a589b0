package org.govtrust.shared.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.govtrust.shared.error.ErrorCode;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.SharedError;
import org.govtrust.shared.error.TrustException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place an exception becomes what the user sees: RFC 9457 problem details under
 * {@code /api/}, the error page elsewhere. Both carry the same catalogue text and trace id.
 * Unexpected exceptions are logged with the trace id and shown as {@code SHR-9001}.
 */
@ControllerAdvice
class GlobalExceptionAdvice {

	private static final Logger logger = LoggerFactory.getLogger(GlobalExceptionAdvice.class);

	private final ProblemResponses problems;

	private final ErrorMessages messages;

	private final FormPages formPages;

	GlobalExceptionAdvice(ProblemResponses problems, ErrorMessages messages, FormPages formPages) {
		this.problems = problems;
		this.messages = messages;
		this.formPages = formPages;
	}

	@ExceptionHandler(TrustException.class)
	Object trust(TrustException ex, HttpServletRequest request, HttpServletResponse response) {
		if (isApi(request)) {
			return this.problems.of(ex, request);
		}
		return page(ex.getErrorCode(), ex.getArguments(), request, response);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	Object invalid(MethodArgumentNotValidException ex, HttpServletRequest request, HttpServletResponse response) {
		FieldError fieldError = ex.getBindingResult().getFieldError();
		String field = fieldError != null ? fieldError.getField() : "body";
		return respond(new TrustException(SharedError.INVALID_REQUEST, field), field, request, response);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	Object badParameter(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		String field = (ex instanceof MissingServletRequestParameterException missing) ? missing.getParameterName()
				: ((MethodArgumentTypeMismatchException) ex).getName();
		return respond(new TrustException(SharedError.INVALID_REQUEST, field), field, request, response);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response) {
		return respond(new TrustException(SharedError.UNREADABLE_REQUEST), null, request, response);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response) {
		return respond(new TrustException(SharedError.UPLOAD_TOO_LARGE), null, request, response);
	}

	/**
	 * Parameters the server could not read. Tomcat reads them when first asked, often in a
	 * filter (the CSRF token of a form), so this reaches here on the error page: a body over
	 * the upload limit ({@code spring.servlet.multipart}), or a malformed one.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	Object unreadableParameters(InvalidParameterException ex, HttpServletRequest request,
			HttpServletResponse response) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SizeException) {
				return respond(new TrustException(SharedError.UPLOAD_TOO_LARGE), null, request, response);
			}
		}
		return respond(new TrustException(SharedError.BAD_REQUEST), null, request, response);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(NoResourceFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		return respond(new TrustException(SharedError.NOT_FOUND), null, request, response);
	}

	/**
	 * A form's address opened with GET by a browser (one that asks for HTML) leads to its page
	 * ({@link FormPages}); any other method refused, or any other client (a machine that
	 * asked for no page), is told so.
	 */
	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if ("GET".equals(request.getMethod()) && !isApi(request) && accept != null
				&& accept.contains(MediaType.TEXT_HTML_VALUE)) {
			String page = this.formPages.pageOf(request.getRequestURI().substring(request.getContextPath().length()));
			if (page != null) {
				return new ModelAndView("redirect:" + page);
			}
		}
		return respond(new TrustException(SharedError.METHOD_NOT_ALLOWED), null, request, response);
	}

	/**
	 * Two requests changed one record at once (an optimistic version or a lock wait lost): the
	 * transaction was rolled back, so the answer says nothing was saved and how to go on.
	 */
	@ExceptionHandler(ConcurrencyFailureException.class)
	Object concurrent(ConcurrencyFailureException ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex instanceof OptimisticLockingFailureException) { // expected now and then: a double submit
			logger.info("Concurrent change refused [traceId={}] on {} {}: {}", TraceIdFilter.traceId(request),
					request.getMethod(), request.getRequestURI(), ex.getClass().getSimpleName());
		}
		else { // a deadlock or a lock wait given up: worth a look, with where it happened
			logger.warn("Lock conflict [traceId={}] on {} {}", TraceIdFilter.traceId(request), request.getMethod(),
					request.getRequestURI(), ex);
		}
		return respond(new TrustException(SharedError.CONCURRENT_CHANGE), null, request, response);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		logger.error("Unexpected failure [traceId={}] on {} {}", TraceIdFilter.traceId(request), request.getMethod(),
				request.getRequestURI(), ex);
		return respond(new TrustException(SharedError.INTERNAL, TraceIdFilter.traceId(request)), null, request,
				response);
	}

	private Object respond(TrustException ex, String field, HttpServletRequest request,
			HttpServletResponse response) {
		if (isApi(request)) {
			return this.problems.of(ex.getErrorCode(), ex.getArguments(), field, null, Map.of(), request);
		}
		return page(ex.getErrorCode(), ex.getArguments(), request, response);
	}

	private ModelAndView page(ErrorCode code, Object[] arguments, HttpServletRequest request,
			HttpServletResponse response) {
		response.setStatus(code.status().value());
		return ErrorPages.view(code, this.messages.message(code, arguments), TraceIdFilter.traceId(request));
	}

	static boolean isApi(HttpServletRequest request) {
		// on the error page, the address that failed
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (failed != null) ? failed.toString() : request.getRequestURI();
		String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
		return path.startsWith("/api/") || path.startsWith("/v3/api-docs");
	}

}
