package org.govtrust.ca;

import org.govtrust.shared.error.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Errors of the CA module (CA-xxxx): enrolment (1xxx input, 2xxx state), certificate login
 * (30xx at the server, 31xx reported by the key assistant and shown by the login page).
 */
public enum CaError implements ErrorCode {

	/** The enterprise name is missing or longer than 100 characters. */
	ENTERPRISE_NAME("CA-1001", HttpStatus.BAD_REQUEST),

	/** The credit code is not 18 characters. Argument: the length entered. */
	CREDIT_CODE_LENGTH("CA-1002", HttpStatus.BAD_REQUEST),

	/** A character outside the code alphabet. Argument: its position. */
	CREDIT_CODE_CHARSET("CA-1003", HttpStatus.BAD_REQUEST),

	/** The check character does not match. */
	CREDIT_CODE_CHECK("CA-1004", HttpStatus.BAD_REQUEST),

	/** The legal representative's name is missing. */
	LEGAL_REP_NAME("CA-1005", HttpStatus.BAD_REQUEST),

	/** The legal representative's ID number is not a valid resident ID number. */
	LEGAL_REP_ID_NUMBER("CA-1006", HttpStatus.BAD_REQUEST),

	/** A housing-fund or social-security number is malformed. */
	ACCOUNT_NUMBER_FORMAT("CA-1007", HttpStatus.BAD_REQUEST),

	/** Not a PKCS#10 certificate request. */
	CSR_INVALID("CA-1010", HttpStatus.BAD_REQUEST),

	/** The request is not signed by its own key. */
	CSR_SIGNATURE("CA-1011", HttpStatus.BAD_REQUEST),

	/** A key type GovTrust does not certify. Argument: what was found. */
	KEY_TYPE("CA-1012", HttpStatus.BAD_REQUEST),

	/** The public key is already certified. */
	KEY_REUSED("CA-1013", HttpStatus.CONFLICT),

	/** An unknown revocation reason. */
	REVOCATION_REASON("CA-1014", HttpStatus.BAD_REQUEST),

	/** The unlock request code is malformed. */
	UNLOCK_REQUEST_CODE("CA-1015", HttpStatus.BAD_REQUEST),

	/** The credit code is already enrolled. */
	ENTERPRISE_EXISTS("CA-2001", HttpStatus.CONFLICT),

	/** No such enterprise. */
	ENTERPRISE_NOT_FOUND("CA-2002", HttpStatus.NOT_FOUND),

	/** The business registry does not know the code, or the name differs. */
	REGISTRY_MISMATCH("CA-2003", HttpStatus.BAD_REQUEST),

	/** The signed-in person is not the registered legal representative. */
	NOT_LEGAL_REPRESENTATIVE("CA-2004", HttpStatus.FORBIDDEN),

	/** Online enterprise services need a real-name-verified account with an SMS login. */
	REAL_NAME_REQUIRED("CA-2005", HttpStatus.FORBIDDEN),

	/** No such certificate. */
	CERTIFICATE_NOT_FOUND("CA-2010", HttpStatus.NOT_FOUND),

	/** The certificate cannot take this act in its state. Argument: the state. */
	CERTIFICATE_NOT_ACTIVE("CA-2011", HttpStatus.CONFLICT),

	/** Renewal opens later. Argument: the date it opens. */
	RENEWAL_NOT_YET("CA-2012", HttpStatus.CONFLICT),

	/** Suspend a valid certificate or lift a suspended one. */
	SUSPENSION_STATE("CA-2013", HttpStatus.CONFLICT),

	/** The renewal request is not signed by the current certificate's key. */
	RENEWAL_PROOF("CA-2014", HttpStatus.FORBIDDEN),

	/** A change that changes nothing. */
	CHANGE_NOTHING("CA-2015", HttpStatus.BAD_REQUEST),

	/** An encryption certificate of a dual pair is handled through its signing certificate. */
	ENCRYPTION_CERTIFICATE_PAIRED("CA-2016", HttpStatus.CONFLICT),

	/** The login challenge expired or is unknown. */
	CHALLENGE_EXPIRED("CA-3001", HttpStatus.UNAUTHORIZED),

	/** The challenge was already answered. */
	CHALLENGE_USED("CA-3002", HttpStatus.UNAUTHORIZED),

	/** The signature does not verify with the certificate. */
	LOGIN_SIGNATURE("CA-3003", HttpStatus.UNAUTHORIZED),

	/** Not a certificate of a CA trusted for login. Argument: its issuer. */
	LOGIN_UNKNOWN_ISSUER("CA-3004", HttpStatus.UNAUTHORIZED),

	/** Not yet valid. Argument: the start date. */
	LOGIN_NOT_YET_VALID("CA-3005", HttpStatus.UNAUTHORIZED),

	/** Expired. Argument: the end date. */
	LOGIN_EXPIRED("CA-3006", HttpStatus.UNAUTHORIZED),

	/** Revoked. Arguments: date and reason. */
	LOGIN_REVOKED("CA-3007", HttpStatus.UNAUTHORIZED),

	/** Suspended. Argument: since when. */
	LOGIN_SUSPENDED("CA-3008", HttpStatus.UNAUTHORIZED),

	/** Not a signing certificate. */
	LOGIN_KEY_USAGE("CA-3009", HttpStatus.UNAUTHORIZED),

	/** Issued by our CA but not in the register: refused (fail closed). */
	LOGIN_CERTIFICATE_UNKNOWN("CA-3010", HttpStatus.UNAUTHORIZED),

	/** Replaced by a renewal or change. Argument: since when. */
	LOGIN_SUPERSEDED("CA-3011", HttpStatus.UNAUTHORIZED),

	/** The page found no key assistant on this computer. */
	ASSISTANT_NOT_RUNNING("CA-3101", HttpStatus.SERVICE_UNAVAILABLE),

	/** Wrong PIN. Argument: tries left. */
	PIN_INCORRECT("CA-3102", HttpStatus.UNAUTHORIZED),

	/** The key's PIN is locked. */
	PIN_LOCKED("CA-3103", HttpStatus.LOCKED),

	/** No key inserted. */
	TOKEN_ABSENT("CA-3104", HttpStatus.NOT_FOUND),

	/** The key holds no certificate. */
	NO_CERTIFICATE("CA-3105", HttpStatus.NOT_FOUND),

	/** The assistant refused the page. Argument: its reason. */
	ASSISTANT_REFUSED("CA-3106", HttpStatus.FORBIDDEN);

	private final String code;

	private final HttpStatus status;

	CaError(String code, HttpStatus status) {
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
