package org.govtrust.shared.error;

import java.util.List;

/**
 * Several input fields are wrong at once; each carries its own code so the form can mark
 * every one of them in one round trip. The overall code is {@code SHR-1001}.
 */
public class InvalidInputException extends TrustException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(SharedError.INVALID_INPUT, problems.size());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> getProblems() {
		return this.problems;
	}

}
