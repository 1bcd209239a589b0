package org.govtrust.ca.web;

import org.govtrust.shared.error.ErrorMessages;
import org.govtrust.shared.error.FieldProblem;
import org.govtrust.shared.error.InvalidInputException;
import org.govtrust.shared.error.TrustException;

/**
 * The text a page shows for a refused act: the catalogue message with its code, and each
 * wrong field's message.
 */
final class PageErrors {

	private PageErrors() {
	}

	static String text(ErrorMessages messages, TrustException ex) {
		StringBuilder text = new StringBuilder(messages.message(ex)).append(" (").append(ex.getErrorCode().code()).append(')');
		if (ex instanceof InvalidInputException invalid) {
			for (FieldProblem problem : invalid.getProblems()) {
				text.append(' ')
					.append(messages.message(problem.code(), problem.arguments()))
					.append(" (")
					.append(problem.code().code())
					.append(')');
			}
		}
		return text.toString();
	}

}
