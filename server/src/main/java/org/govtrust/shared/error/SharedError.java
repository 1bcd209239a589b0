package org.govtrust.shared.error;

import org.springframework.http.HttpStatus;

/**
 * Errors of the platform itself, not of one module.
 */
public enum SharedError implements ErrorCode {

	/** Several fields are wrong; each has its own code. Argument: how many. */
	INVALID_INPUT("SHR-1000", HttpStatus.BAD_REQUEST),
	/** A required field is missing or malformed. Argument: the field name. */
	INVALID_REQUEST("SHR-1001", HttpStatus.BAD_REQUEST),
	/** The request could not be understood. */
	BAD_REQUEST("SHR-1003", HttpStatus.BAD_REQUEST),
	/** The request body is not readable JSON. */
	UNREADABLE_REQUEST("SHR-1002", HttpStatus.BAD_REQUEST),
	/** The address does not exist. */
	NOT_FOUND("SHR-1004", HttpStatus.NOT_FOUND),
	/** The form has expired or was submitted from another site (CSRF). */
	FORM_EXPIRED("SHR-1005", HttpStatus.FORBIDDEN),
	/** The uploaded file is larger than allowed. */
	UPLOAD_TOO_LARGE("SHR-1006", HttpStatus.PAYLOAD_TOO_LARGE),
	/** The method is not allowed on this address. */
	METHOD_NOT_ALLOWED("SHR-1007", HttpStatus.METHOD_NOT_ALLOWED),
	/**
	 * Another request changed the same record at the same moment (often the same form sent
	 * twice); nothing of this one was saved.
	 */
	CONCURRENT_CHANGE("SHR-1008", HttpStatus.CONFLICT),
	/** The server is at capacity; retry after the given time. */
	OVERLOADED("SHR-5003", HttpStatus.SERVICE_UNAVAILABLE),
	/** An unexpected failure; the trace id lets support find it. */
	INTERNAL("SHR-9001", HttpStatus.INTERNAL_SERVER_ERROR);

	private final String code;

	private final HttpStatus status;

	SharedError(String code, HttpStatus status) {
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
