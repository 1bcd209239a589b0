package org.govtrust.login;

import org.govtrust.shared.error.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Errors of the login module (LGN-xxxx).
 */
public enum LoginError implements ErrorCode {

	/** No identifier entered. */
	IDENTIFIER_REQUIRED("LGN-1001", HttpStatus.BAD_REQUEST),
	/** The account exists but awaits activation (the seed's activation guidance). */
	ACTIVATION_REQUIRED("LGN-2001", HttpStatus.CONFLICT),
	/** The staff second factor step has expired or was not started. */
	SECOND_FACTOR_EXPIRED("LGN-2002", HttpStatus.CONFLICT),
	/** Identifier or password wrong, or account unusable: always the same words. */
	BAD_CREDENTIALS("LGN-3001", HttpStatus.UNAUTHORIZED),
	/** Password login paused for this account. Argument: until when. */
	PASSWORD_LOCKED("LGN-3002", HttpStatus.TOO_MANY_REQUESTS),
	/** Password login paused for this network address. Argument: until when. */
	ADDRESS_LOCKED("LGN-3003", HttpStatus.TOO_MANY_REQUESTS),
	/** Signing in is needed. */
	SIGN_IN_REQUIRED("LGN-3010", HttpStatus.UNAUTHORIZED),
	/** Signed in, but not allowed. */
	FORBIDDEN("LGN-3011", HttpStatus.FORBIDDEN),
	/** A session that is not one's own. */
	SESSION_NOT_FOUND("LGN-2003", HttpStatus.NOT_FOUND);

	private final String code;

	private final HttpStatus status;

	LoginError(String code, HttpStatus status) {
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
