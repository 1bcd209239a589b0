package org.govtrust.shared.error;

/**
 * One invalid input field.
 *
 * @param field the field name as the API and the form call it
 * @param code what is wrong
 * @param arguments the message arguments
 */
public record FieldProblem(String field, ErrorCode code, Object... arguments) {

	/**
	 * The problem carried by a field exception.
	 * @param ex an exception made with {@link TrustException#forField}
	 * @return the problem
	 */
	public static FieldProblem of(TrustException ex) {
		return new FieldProblem(ex.getField() != null ? ex.getField() : "", ex.getErrorCode(), ex.getArguments());
	}

}
