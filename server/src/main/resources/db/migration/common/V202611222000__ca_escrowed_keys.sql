-- The KMC's escrow of SM2 encryption keys (dual certificates, GM/T 0014): the encryption
-- certificate's private key (PKCS#8, encrypted with the platform's data key), paired with the
-- signing certificate whose key the envelope was made for.
CREATE TABLE ca_escrowed_key (
    serial varchar(40) NOT NULL,
    signing_serial varchar(40) NOT NULL,
    private_key text NOT NULL,
    escrowed_at timestamp with time zone NOT NULL,
    PRIMARY KEY (serial),
    CONSTRAINT ca_escrowed_key_certificate_fk FOREIGN KEY (serial) REFERENCES ca_certificate (serial),
    CONSTRAINT ca_escrowed_key_signing_fk FOREIGN KEY (signing_serial) REFERENCES ca_certificate (serial),
    CONSTRAINT ca_escrowed_key_signing_uk UNIQUE (signing_serial)
);
