package org.govtrust.shared.error;

import org.springframework.http.HttpStatus;

/**
 * One entry of the error catalogue. Each module has one enum implementing this interface;
 * the message text lives in the {@code i18n/<module>} bundles under {@code error.<code>},
 * Chinese by default and English in the {@code _en} bundle.
 */
public interface ErrorCode {

	/**
	 * The stable code, {@code <PREFIX>-<4 digits>}, e.g. {@code IDN-1003}.
	 * @return the code
	 */
	String code();

	/**
	 * The HTTP status an API answers with.
	 * @return the status
	 */
	HttpStatus status();

	/**
	 * The message key in the bundles.
	 * @return {@code error.<code>}
	 */
	default String messageKey() {
		return "error." + code();
	}

}
