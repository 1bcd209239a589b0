package org.govtrust.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a counter clerk records after verifying a person in person.
 *
 * @param idNumber the person's ID number
 * @param documents the documents seen (e.g. 居民身份证, 临时身份证, 户口簿)
 * @param method how (e.g. 人证比对: comparing the person with the card photo)
 * @param passed the outcome
 * @param note free text
 * @param requestId the form's own id (letters, digits, '-' and '_', at most 64): the same form
 * sent again records nothing more and answers with the entry it made; null records every time
 */
public record InPersonVerificationCommand(@Nullable String idNumber, @Nullable List<String> documents,
		@Nullable String method, boolean passed, @Nullable String note, @Nullable String requestId) {

}
