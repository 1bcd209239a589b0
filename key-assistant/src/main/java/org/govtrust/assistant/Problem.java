package org.govtrust.assistant;

/** Error codes shared by the command line and the local endpoint, with their HTTP status. */
public enum Problem {
	TOKEN_ABSENT(404),
	NO_CERTIFICATE(404),
	PIN_INCORRECT(401),
	PIN_LOCKED(423),
	BAD_REQUEST(400),
	CHALLENGE_INVALID(400),
	CHALLENGE_ORIGIN_MISMATCH(400),
	ORIGIN_NOT_ALLOWED(403),
	HOST_NOT_ALLOWED(403),
	REQUEST_TOO_LARGE(413),
	NOT_FOUND(404),
	METHOD_NOT_ALLOWED(405),
	NO_MATCHING_KEY(400),
	NOT_SUPPORTED(400),
	UNLOCK_CODE_INVALID(400),
	RENEWAL_NOT_DUE(400),
	SERVER_ERROR(502),
	TOKEN_ERROR(500);

	private final int status;

	Problem(int status) {
		this.status = status;
	}

	public int status() {
		return status;
	}
}
