package org.govtrust.shared.web;

import org.govtrust.shared.error.ErrorCode;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page model, the same for every module.
 */
public final class ErrorPages {

	private ErrorPages() {
	}

	/**
	 * The error page.
	 * @param code the code
	 * @param message the localized message
	 * @param traceId the trace id
	 * @return the view
	 */
	public static ModelAndView view(ErrorCode code, String message, String traceId) {
		ModelAndView view = new ModelAndView("shared/error");
		view.addObject("errorCode", code.code());
		view.addObject("errorMessage", message);
		view.addObject("traceId", traceId);
		view.setStatus(code.status());
		return view;
	}

}
