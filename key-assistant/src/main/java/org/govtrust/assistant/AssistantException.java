package org.govtrust.assistant;

/**
 * Something the user must act on: a code (for the login page's JavaScript and for exit handling) and a
 * bilingual message saying what happened and what to do.
 */
public class AssistantException extends RuntimeException {

	private final Problem problem;

	private final Msg msg;

	private final Integer triesLeft;

	public AssistantException(Problem problem, Msg msg) {
		this(problem, msg, null, null);
	}

	public AssistantException(Problem problem, Msg msg, Throwable cause) {
		this(problem, msg, null, cause);
	}

	public AssistantException(Problem problem, Msg msg, Integer triesLeft, Throwable cause) {
		super(problem + ": " + msg.en(), cause);
		this.problem = problem;
		this.msg = msg;
		this.triesLeft = triesLeft;
	}

	public static AssistantException of(Problem problem, String zh, String en) {
		return new AssistantException(problem, Msg.of(zh, en));
	}

	public Problem problem() {
		return problem;
	}

	public Msg msg() {
		return msg;
	}

	/** Tries left for PIN errors, else null. */
	public Integer triesLeft() {
		return triesLeft;
	}
}
