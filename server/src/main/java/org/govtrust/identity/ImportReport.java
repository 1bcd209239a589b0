package org.govtrust.identity;

import java.util.List;

/**
 * The result of a bulk import: every row is accepted or rejected with its reason.
 *
 * @param accepted rows imported
 * @param rejected rows refused, with line numbers and catalogue codes
 */
public record ImportReport(int accepted, List<Rejected> rejected) {

	/**
	 * A refused row.
	 *
	 * @param line the line number in the file (1 = header)
	 * @param field the column at fault
	 * @param code the catalogue code
	 * @param message the localized reason
	 */
	public record Rejected(int line, String field, String code, String message) {
	}

}
