package org.securesocket.x509.internal;

/** The object identifiers this bundle recognises (RFC 5280, RFC 3279, RFC 4055, RFC 8410). */
public final class Oids {
    // Extensions, RFC 5280 section 4.2
    public static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    public static final String KEY_USAGE = "2.5.29.15";
    public static final String SUBJECT_ALT_NAME = "2.5.29.17";
    public static final String ISSUER_ALT_NAME = "2.5.29.18";
    public static final String BASIC_CONSTRAINTS = "2.5.29.19";
    public static final String NAME_CONSTRAINTS = "2.5.29.30";
    public static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";
    public static final String CERTIFICATE_POLICIES = "2.5.29.32";
    public static final String POLICY_MAPPINGS = "2.5.29.33";
    public static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    public static final String POLICY_CONSTRAINTS = "2.5.29.36";
    public static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    public static final String INHIBIT_ANY_POLICY = "2.5.29.54";
    public static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
    public static final String SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";

    // Extended key usages, RFC 5280 section 4.2.1.12
    public static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    public static final String KP_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    public static final String KP_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    // Attribute types, RFC 5280 appendix A / RFC 4519
    public static final String EMAIL_ADDRESS = "1.2.840.113549.1.9.1";

    // Public keys
    public static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    public static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    public static final String MGF1 = "1.2.840.113549.1.1.8";
    public static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    public static final String ED25519 = "1.3.101.112";
    public static final String SECP256R1 = "1.2.840.10045.3.1.7";
    public static final String SECP384R1 = "1.3.132.0.34";
    public static final String SECP521R1 = "1.3.132.0.35";

    // Hashes, as RSASSA-PSS parameters name them
    public static final String SHA1 = "1.3.14.3.2.26";
    public static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    public static final String SHA384 = "2.16.840.1.101.3.4.2.2";
    public static final String SHA512 = "2.16.840.1.101.3.4.2.3";

    private Oids() {
    }
}
