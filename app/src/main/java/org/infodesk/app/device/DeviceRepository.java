package org.infodesk.app.device;

import java.util.Optional;
import org.infodesk.app.data.StoreException;

/** Where the store keeps the public half of this installation's device key, recorded once when it is made. */
public interface DeviceRepository {

    /** The recorded raw Ed25519 public key (32 bytes), if a key was ever made here. */
    Optional<byte[]> devicePublicKey() throws StoreException;

    /** Records the public key; refused ({@link StoreException.Problem#CONFLICT}) if one is recorded already. */
    void recordDevicePublicKey(byte[] raw) throws StoreException;
}
