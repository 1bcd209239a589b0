package org.govtrust.sms;

import org.govtrust.shared.error.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Errors of the SMS module (SMS-xxxx).
 */
public enum SmsError implements ErrorCode {

	/** Not an 11-digit mainland mobile number. */
	PHONE_FORMAT("SMS-1001", HttpStatus.BAD_REQUEST),
	/** The segment is not in service. Argument: the segment. */
	PHONE_SEGMENT("SMS-1002", HttpStatus.BAD_REQUEST),
	/** The code is not 6 digits. */
	CODE_FORMAT("SMS-1003", HttpStatus.BAD_REQUEST),
	/** One code per minute per phone. Argument: seconds to wait. */
	LIMIT_MINUTE("SMS-2001", HttpStatus.TOO_MANY_REQUESTS),
	/** Three codes per hour per phone. Argument: time of the next allowed send. */
	LIMIT_HOUR("SMS-2002", HttpStatus.TOO_MANY_REQUESTS),
	/** Five codes per 24 hours per phone. Argument: time of the next allowed send. */
	LIMIT_DAY("SMS-2003", HttpStatus.TOO_MANY_REQUESTS),
	/** Too many codes from this network address. Argument: time of the next allowed send. */
	LIMIT_ADDRESS("SMS-2004", HttpStatus.TOO_MANY_REQUESTS),
	/** Wrong code. Argument: attempts left. */
	CODE_WRONG("SMS-2005", HttpStatus.UNPROCESSABLE_CONTENT),
	/** The code has expired. Argument: validity in minutes. */
	CODE_EXPIRED("SMS-2006", HttpStatus.UNPROCESSABLE_CONTENT),
	/** Too many wrong attempts; the code is void. */
	CODE_EXHAUSTED("SMS-2007", HttpStatus.UNPROCESSABLE_CONTENT),
	/** No code is pending (never sent, already used, or replaced by a newer one). */
	CODE_NONE("SMS-2008", HttpStatus.UNPROCESSABLE_CONTENT),
	/** The SMS gateway did not accept the message. */
	GATEWAY_UNAVAILABLE("SMS-5001", HttpStatus.SERVICE_UNAVAILABLE);

	private final String code;

	private final HttpStatus status;

	SmsError(String code, HttpStatus status) {
		this.code = code;
		this.status = status;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

}
