package org.govtrust.sms.spi;

/**
 * The gateway did not accept a message; the send does not count against any limit.
 */
public class SmsDeliveryException extends RuntimeException {

	public SmsDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

	public SmsDeliveryException(String message) {
		super(message);
	}

}
