package org.govtrust.shared.error;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A failure the user can understand: a catalogue code and the arguments of its message,
 * never formatted text. The optional field names the form field at fault; the optional
 * retry-after says when trying again makes sense.
 */
public class TrustException extends RuntimeException {

	private final ErrorCode errorCode;

	private final Object[] arguments;

	private final @Nullable String field;

	private final @Nullable Duration retryAfter;

	private final Map<String, Object> properties;

	public TrustException(ErrorCode errorCode, Object... arguments) {
		this(errorCode, null, null, Map.of(), arguments);
	}

	private TrustException(ErrorCode errorCode, @Nullable String field, @Nullable Duration retryAfter,
			Map<String, Object> properties, Object... arguments) {
		super(errorCode.code());
		Assert.notNull(errorCode, "errorCode must not be null");
		this.errorCode = errorCode;
		this.arguments = arguments.clone();
		this.field = field;
		this.retryAfter = retryAfter;
		this.properties = Map.copyOf(properties);
	}

	/**
	 * A failure about one input field.
	 * @param field the field name as the API and the form call it
	 * @param errorCode the code
	 * @param arguments the message arguments
	 * @return the exception
	 */
	public static TrustException forField(String field, ErrorCode errorCode, Object... arguments) {
		return new TrustException(errorCode, field, null, Map.of(), arguments);
	}

	/**
	 * A failure that goes away by waiting.
	 * @param retryAfter how long to wait
	 * @param errorCode the code
	 * @param arguments the message arguments
	 * @return the exception
	 */
	public static TrustException retryAfter(Duration retryAfter, ErrorCode errorCode, Object... arguments) {
		return new TrustException(errorCode, null, retryAfter, Map.of(), arguments);
	}

	/**
	 * A copy carrying extra problem-detail properties (e.g. links to the next step).
	 * @param properties the extra properties
	 * @return a new exception
	 */
	public TrustException with(Map<String, Object> properties) {
		return new TrustException(this.errorCode, this.field, this.retryAfter, properties, this.arguments);
	}

	public ErrorCode getErrorCode() {
		return this.errorCode;
	}

	public Object[] getArguments() {
		return this.arguments.clone();
	}

	public @Nullable String getField() {
		return this.field;
	}

	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	public Map<String, Object> getProperties() {
		return this.properties;
	}

	@Override
	public String toString() {
		return "TrustException[" + this.errorCode.code() + ", field=" + this.field + ", args=" + Arrays.toString(this.arguments) + "]";
	}

}
