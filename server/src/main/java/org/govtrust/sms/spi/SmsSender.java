package org.govtrust.sms.spi;

import org.govtrust.sms.MobileNumber;

/**
 * Delivers a text message to a mobile phone. The default profile uses the built-in
 * simulator; {@code prod} needs a real gateway.
 */
public interface SmsSender {

	/**
	 * Sends a message.
	 * @param to the recipient
	 * @param text the message text (contains the code: never log it)
	 * @throws SmsDeliveryException if the gateway did not accept the message
	 */
	void send(MobileNumber to, String text);

}
