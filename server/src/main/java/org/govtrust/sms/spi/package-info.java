/**
 * Extension point: the SMS gateway.
 */
@NamedInterface("spi")
@NullMarked
package org.govtrust.sms.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
