package org.govtrust.sso;

import org.govtrust.shared.error.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Errors of the single sign-on module (SSO-xxxx). Protocol endpoints keep the standard
 * OAuth 2.0 error format; these are for registration and pages.
 */
public enum SsoError implements ErrorCode {

	/** Client id format. */
	CLIENT_ID_FORMAT("SSO-1001", HttpStatus.BAD_REQUEST),
	/** A redirect URI is not absolute https (or http on localhost), or has a fragment. Argument: the URI. */
	REDIRECT_URI("SSO-1002", HttpStatus.BAD_REQUEST),
	/** An unknown scope. Argument: the scope. */
	SCOPE_UNKNOWN("SSO-1003", HttpStatus.BAD_REQUEST),
	/** A name and a department are needed, shown on the login page. */
	CLIENT_NAME_REQUIRED("SSO-1004", HttpStatus.BAD_REQUEST),
	/**
	 * The consent page was opened without a request waiting for this person's consent: an
	 * unknown app, no {@code state}, or a request already answered, cancelled or ended.
	 */
	CONSENT_REQUEST_INVALID("SSO-1005", HttpStatus.BAD_REQUEST),
	/** An authorization request from an app GovTrust does not know. */
	AUTHORIZE_UNKNOWN_APP("SSO-1006", HttpStatus.BAD_REQUEST),
	/** An authorization request returning to an address the app has not registered. */
	AUTHORIZE_REDIRECT_URI("SSO-1007", HttpStatus.BAD_REQUEST),
	/** An authorization request too malformed to send back to the app. */
	AUTHORIZE_MALFORMED("SSO-1008", HttpStatus.BAD_REQUEST),
	/** The client id is taken. */
	CLIENT_ID_TAKEN("SSO-2001", HttpStatus.CONFLICT),
	/** The app requires a level this account cannot reach online. Argument: the level. */
	LEVEL_UNREACHABLE("SSO-2002", HttpStatus.FORBIDDEN);

	private final String code;

	private final HttpStatus status;

	SsoError(String code, HttpStatus status) {
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
