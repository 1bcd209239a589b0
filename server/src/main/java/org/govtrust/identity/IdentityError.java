package org.govtrust.identity;

import org.govtrust.shared.error.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Errors of the identity module (IDN-xxxx).
 */
public enum IdentityError implements ErrorCode {

	/** The ID number is not 18 characters. */
	ID_NUMBER_LENGTH("IDN-1001", HttpStatus.BAD_REQUEST),

	/** A 15-digit number of a first-generation card. */
	ID_NUMBER_LEGACY("IDN-1002", HttpStatus.BAD_REQUEST),

	/** Characters other than digits and a final X. */
	ID_NUMBER_CHARSET("IDN-1003", HttpStatus.BAD_REQUEST),

	/** The first two digits are no province. */
	ID_NUMBER_REGION("IDN-1004", HttpStatus.BAD_REQUEST),

	/** Positions 7-14 are no real birth date. */
	ID_NUMBER_BIRTH_DATE("IDN-1005", HttpStatus.BAD_REQUEST),

	/** The check character does not match. */
	ID_NUMBER_CHECK("IDN-1006", HttpStatus.BAD_REQUEST),

	/** No name. */
	NAME_REQUIRED("IDN-1010", HttpStatus.BAD_REQUEST),

	/** Digits or symbols in the name. */
	NAME_CHARACTERS("IDN-1011", HttpStatus.BAD_REQUEST),

	/** Name shorter than 2 or longer than 50 characters. */
	NAME_LENGTH("IDN-1012", HttpStatus.BAD_REQUEST),

	/** Middle dot at the start or the end. */
	NAME_DOT_POSITION("IDN-1013", HttpStatus.BAD_REQUEST),

	/** No or unreadable start date. */
	VALID_FROM_REQUIRED("IDN-1020", HttpStatus.BAD_REQUEST),

	/** Start date in the future. */
	VALID_FROM_FUTURE("IDN-1021", HttpStatus.BAD_REQUEST),

	/** Start date before the birth date. */
	VALID_FROM_BEFORE_BIRTH("IDN-1022", HttpStatus.BAD_REQUEST),

	/** No end date and not long-term. */
	VALID_TO_REQUIRED("IDN-1023", HttpStatus.BAD_REQUEST),

	/** End date not after the start date. */
	VALID_TO_BEFORE_FROM("IDN-1024", HttpStatus.BAD_REQUEST),

	/** The card has expired. Argument: end date. */
	CARD_EXPIRED("IDN-1025", HttpStatus.BAD_REQUEST),

	/** Long-term card under 46 at issue. Arguments: age, expected end. */
	LONG_TERM_NOT_ALLOWED("IDN-1026", HttpStatus.BAD_REQUEST),

	/** The term does not match the age rule. Arguments: years, expected end. */
	VALIDITY_UNUSUAL("IDN-1027", HttpStatus.BAD_REQUEST),

	/** A card date written right but not in the calendar (2016-02-30). Argument: the date as entered. */
	DATE_DOES_NOT_EXIST("IDN-1028", HttpStatus.BAD_REQUEST),

	/** Password length outside 8-64. */
	PASSWORD_LENGTH("IDN-1030", HttpStatus.BAD_REQUEST),

	/** Password uses one kind of character. */
	PASSWORD_CLASSES("IDN-1031", HttpStatus.BAD_REQUEST),

	/** Password contains the ID number, phone or login name. */
	PASSWORD_PERSONAL("IDN-1032", HttpStatus.BAD_REQUEST),

	/** Password is too common. */
	PASSWORD_COMMON("IDN-1033", HttpStatus.BAD_REQUEST),

	/** Password and confirmation differ. */
	PASSWORD_MISMATCH("IDN-1034", HttpStatus.BAD_REQUEST),

	/** Login name format. */
	LOGIN_NAME_FORMAT("IDN-1035", HttpStatus.BAD_REQUEST),

	/** Password holds control characters or broken text (a lone UTF-16 surrogate). */
	PASSWORD_CHARACTERS("IDN-1036", HttpStatus.BAD_REQUEST),

	/** No face image. */
	FACE_IMAGE_REQUIRED("IDN-1040", HttpStatus.BAD_REQUEST),

	/** Face image not JPEG or PNG. */
	FACE_IMAGE_FORMAT("IDN-1041", HttpStatus.BAD_REQUEST),

	/** Face image too large. Argument: limit in MB. */
	FACE_IMAGE_SIZE("IDN-1042", HttpStatus.BAD_REQUEST),

	/** An account exists for this ID number. */
	ACCOUNT_EXISTS("IDN-2001", HttpStatus.CONFLICT),

	/** An account exists but awaits activation. */
	ACCOUNT_PENDING_ACTIVATION("IDN-2002", HttpStatus.CONFLICT),

	/** The login name is taken. */
	LOGIN_NAME_TAKEN("IDN-2003", HttpStatus.CONFLICT),

	/** No such registration, or it expired. Argument: minutes. */
	REGISTRATION_NOT_FOUND("IDN-2004", HttpStatus.NOT_FOUND),

	/** The phone step is not done. */
	PHONE_NOT_VERIFIED("IDN-2005", HttpStatus.CONFLICT),

	/** The real-name step is not done. */
	IDENTITY_NOT_VERIFIED("IDN-2006", HttpStatus.CONFLICT),

	/** The registration is already complete. */
	REGISTRATION_COMPLETED("IDN-2007", HttpStatus.CONFLICT),

	/** The phone is already verified. */
	PHONE_ALREADY_VERIFIED("IDN-2008", HttpStatus.CONFLICT),

	/** The real name is already verified: the next step is the password. */
	IDENTITY_ALREADY_VERIFIED("IDN-2009", HttpStatus.CONFLICT),

	/** The four elements do not match the authority. Argument: attempts left. */
	ELEMENTS_MISMATCH("IDN-2010", HttpStatus.UNPROCESSABLE_CONTENT),

	/** The face does not match. Argument: attempts left. */
	FACE_MISMATCH("IDN-2011", HttpStatus.UNPROCESSABLE_CONTENT),

	/** Liveness check failed. Argument: attempts left. */
	LIVENESS_FAILED("IDN-2012", HttpStatus.UNPROCESSABLE_CONTENT),

	/** A registration opened in a browser other than the one that started it. Argument: minutes kept. */
	REGISTRATION_OTHER_BROWSER("IDN-2014", HttpStatus.FORBIDDEN),

	/** Online face verification paused. Argument: time it reopens. */
	TOO_MANY_FAILED_VERIFICATIONS("IDN-2013", HttpStatus.TOO_MANY_REQUESTS),

	/** No network credential opened. */
	NETWORK_IDENTITY_NO_CREDENTIAL("IDN-2020", HttpStatus.UNPROCESSABLE_CONTENT),

	/** Declined in the app. */
	NETWORK_IDENTITY_DECLINED("IDN-2021", HttpStatus.UNPROCESSABLE_CONTENT),

	/** Not finished in the app yet. */
	NETWORK_IDENTITY_PENDING("IDN-2022", HttpStatus.CONFLICT),

	/** The network identity is another person's, or the entered elements differ. */
	NETWORK_IDENTITY_DIFFERENT_PERSON("IDN-2023", HttpStatus.UNPROCESSABLE_CONTENT),

	/** No network-identity verification in progress: never started, or its outcome was given (a reload). */
	NETWORK_IDENTITY_NOT_STARTED("IDN-2024", HttpStatus.CONFLICT),

	/** The account is not waiting for activation. */
	NOT_PENDING_ACTIVATION("IDN-2030", HttpStatus.CONFLICT),

	/** The account was merged into another. */
	ACCOUNT_MERGED("IDN-2031", HttpStatus.CONFLICT),

	/** Real name must be verified for the business-registration switch. */
	BUSINESS_REGISTRATION_NOT_VERIFIED("IDN-2032", HttpStatus.CONFLICT),

	/** No such account. */
	ACCOUNT_NOT_FOUND("IDN-2033", HttpStatus.NOT_FOUND),

	/** The business-registration validity date is missing or out of range. Arguments: earliest, latest. */
	BUSINESS_REGISTRATION_UNTIL("IDN-1050", HttpStatus.BAD_REQUEST),

	/** A staff account needs at least one role. */
	STAFF_ROLES_REQUIRED("IDN-1051", HttpStatus.BAD_REQUEST),

	/** No counter verification on record for this person. */
	NO_COUNTER_VERIFICATION("IDN-2037", HttpStatus.CONFLICT),

	/** No account waits for activation under this ID number. */
	NOTHING_TO_ACTIVATE("IDN-2034", HttpStatus.NOT_FOUND),

	/** The phone typed differs from the one on record. */
	ACTIVATION_PHONE_MISMATCH("IDN-2035", HttpStatus.UNPROCESSABLE_CONTENT),

	/** A new phone needs a face re-verification (or the old phone's code) first. */
	FACE_PROOF_REQUIRED("IDN-2038", HttpStatus.CONFLICT),

	/** The card dates on record are unknown (migrated account): re-verify with the card first. */
	CARD_DATES_UNKNOWN("IDN-2039", HttpStatus.CONFLICT),

	/** The clerk must name the documents seen. */
	COUNTER_DOCUMENTS_REQUIRED("IDN-1052", HttpStatus.BAD_REQUEST),

	/** The clerk must name the method. */
	COUNTER_METHOD_REQUIRED("IDN-1053", HttpStatus.BAD_REQUEST),

	/** No registration of this person waits for phone verification. */
	NO_REGISTRATION_FOR_PHONE("IDN-2036", HttpStatus.NOT_FOUND),

	/** A repair needs a reason of at least 4 characters. */
	REASON_REQUIRED("IDN-1054", HttpStatus.BAD_REQUEST),

	/** The import file does not start with the expected header. Argument: the header. */
	IMPORT_HEADER("IDN-1055", HttpStatus.BAD_REQUEST),

	/** A row has the wrong number of columns. Argument: expected count. */
	IMPORT_COLUMNS("IDN-1056", HttpStatus.BAD_REQUEST),

	/** Unknown status in a row. */
	IMPORT_STATUS("IDN-1057", HttpStatus.BAD_REQUEST),

	/** The same ID number twice in the file. */
	IMPORT_DUPLICATE_ROW("IDN-1058", HttpStatus.BAD_REQUEST),

	/** Too many rows. Argument: the maximum. */
	IMPORT_TOO_LARGE("IDN-1059", HttpStatus.BAD_REQUEST),

	/** Free text longer than the column that keeps it. Arguments: the maximum, the length given. */
	TEXT_TOO_LONG("IDN-1060", HttpStatus.BAD_REQUEST),

	/** An account already exists for a row's ID number. */
	IMPORT_ACCOUNT_EXISTS("IDN-2040", HttpStatus.CONFLICT),

	/** Merging an account into itself. */
	MERGE_SAME_ACCOUNT("IDN-2041", HttpStatus.BAD_REQUEST),

	/** The authority is busy. */
	AUTHORITY_BUSY("IDN-5001", HttpStatus.SERVICE_UNAVAILABLE),

	/** The authority is unavailable. */
	AUTHORITY_UNAVAILABLE("IDN-5002", HttpStatus.SERVICE_UNAVAILABLE),

	/** The network identity service is unavailable. */
	NETWORK_IDENTITY_UNAVAILABLE("IDN-5003", HttpStatus.SERVICE_UNAVAILABLE);

	private final String code;

	private final HttpStatus status;

	IdentityError(String code, HttpStatus status) {
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
