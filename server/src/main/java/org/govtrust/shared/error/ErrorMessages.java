package org.govtrust.shared.error;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * Turns a catalogue code and its arguments into the user's language.
 */
@Component
public class ErrorMessages {

	private final MessageSource messageSource;

	public ErrorMessages(MessageSource messageSource) {
		Assert.notNull(messageSource, "messageSource must not be null");
		this.messageSource = messageSource;
	}

	/**
	 * The message of an exception in the current request's language.
	 * @param ex the exception
	 * @return the message
	 */
	public String message(TrustException ex) {
		return message(ex.getErrorCode(), ex.getArguments());
	}

	/**
	 * The message of a code in the current request's language.
	 * @param code the code
	 * @param arguments its arguments
	 * @return the message
	 */
	public String message(ErrorCode code, Object... arguments) {
		return message(LocaleContextHolder.getLocale(), code, arguments);
	}

	/**
	 * The message of a code in a given language.
	 * @param locale the language
	 * @param code the code
	 * @param arguments its arguments
	 * @return the message
	 */
	public String message(Locale locale, ErrorCode code, Object... arguments) {
		return this.messageSource.getMessage(code.messageKey(), arguments, locale);
	}

	/**
	 * What a page shows for a refused act: the message with its code, then each wrong
	 * field's message with its code, so every problem is reported at once.
	 * @param ex the exception
	 * @return e.g. {@code 请检查填写的内容 (SHR-1001) 统一社会信用代码… (CA-1004)}
	 */
	public String summary(TrustException ex) {
		StringBuilder text = new StringBuilder(message(ex)).append(" (").append(ex.getErrorCode().code()).append(')');
		if (ex instanceof InvalidInputException invalid) {
			for (FieldProblem problem : invalid.getProblems()) {
				text.append(' ')
					.append(message(problem.code(), problem.arguments()))
					.append(" (")
					.append(problem.code().code())
					.append(')');
			}
		}
		return text.toString();
	}

}
