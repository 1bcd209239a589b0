package org.govtrust.assistant;

/**
 * A message for the user, always in Chinese and English. On the console it is printed as two lines
 * (Chinese first); in JSON it is "中文 / English".
 */
public record Msg(String zh, String en) {

	public static Msg of(String zh, String en) {
		return new Msg(zh, en);
	}

	/** One line: "中文 / English". */
	public String oneLine() {
		return zh + " / " + en;
	}

	/** Two lines: Chinese, then English. */
	public String twoLines() {
		return zh + System.lineSeparator() + en;
	}

	@Override
	public String toString() {
		return oneLine();
	}
}
