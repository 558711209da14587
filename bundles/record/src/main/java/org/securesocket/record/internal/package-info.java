/** Implementation of the record layer: framing, handshake reassembly and the protection modes. */
package org.securesocket.record.internal;
