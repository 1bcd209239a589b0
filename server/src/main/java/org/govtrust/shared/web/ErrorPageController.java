package org.govtrust.shared.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.govtrust.shared.error.ErrorCode;
import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.SharedError;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders errors that never reached a controller (unknown address, refused form, upload
 * too large) the same way as {@link GlobalExceptionAdvice}.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final ProblemResponses problems;

	private final ErrorMessages messages;

	ErrorPageController(ProblemResponses problems, ErrorMessages messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object chosen = request.getAttribute(ProblemWriter.ERROR_CODE_ATTRIBUTE);
		ErrorCode code = (chosen instanceof ErrorCode given) ? given : codeFor(status instanceof Integer value ? value : 500);
		String traceId = TraceIdFilter.traceId(request);
		Object[] args = (code == SharedError.INTERNAL) ? new Object[] { traceId } : new Object[0];
		if (GlobalExceptionAdvice.isApi(request)) {
			return this.problems.of(code, args, null, null, Map.of(), request);
		}
		return ErrorPages.view(code, this.messages.message(code, args), traceId);
	}

	private static ErrorCode codeFor(int status) {
		switch (status) {
			case 400:
				return SharedError.BAD_REQUEST;
			case 403:
				return SharedError.FORM_EXPIRED;
			case 404:
				return SharedError.NOT_FOUND;
			case 405:
				return SharedError.METHOD_NOT_ALLOWED;
			case 413:
				return SharedError.UPLOAD_TOO_LARGE;
			case 503:
				return SharedError.OVERLOADED;
			default:
				return SharedError.INTERNAL;
		}
	}

}
