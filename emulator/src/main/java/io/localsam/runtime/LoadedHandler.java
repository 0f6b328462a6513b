package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * A handler ready to run: event bytes in, response bytes out; what the handler throws is thrown.
 */
interface LoadedHandler {
  byte[] handle(byte[] event, Context context) throws Throwable;
}
