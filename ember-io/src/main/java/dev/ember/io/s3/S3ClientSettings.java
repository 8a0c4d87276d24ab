package dev.ember.io.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;

/**
 * What makes one S3 client differ from another, read from a bucket's s3a settings; buckets set up
 * alike share one client. Without keys the SDK's default credential chain applies (environment,
 * system properties, profile, container and instance roles).
 */
record S3ClientSettings(String endpoint, boolean sslEnabled, boolean pathStyleAccess, String region, String accessKey,
        String secretKey, String sessionToken, boolean anonymous, int maxAttempts, Duration connectTimeout, Duration socketTimeout) {
    /** The region of custom endpoints when none is set, as s3a falls back to. */
    private static final Region FALLBACK_REGION = Region.US_EAST_1;

    static S3ClientSettings of(BucketSettings settings) {
        String region = settings.get("endpoint.region", settings.get("region"));
        String providers = settings.get("aws.credentials.provider", "");
        return new S3ClientSettings(
                settings.get("endpoint"),
                settings.flag("connection.ssl.enabled", true),
                settings.flag("path.style.access", false),
                region,
                settings.get("access.key"),
                settings.get("secret.key"),
                settings.get("session.token"),
                providers.contains("Anonymous"),
                settings.integer("attempts.maximum", 0),
                settings.duration("connection.establish.timeout", Duration.ofSeconds(30)),
                settings.duration("connection.timeout", Duration.ofSeconds(200)));
    }

    S3Client build() {
        URI endpointUri = endpointUri();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(connectTimeout).socketTimeout(socketTimeout).build())
                .credentialsProvider(credentials())
                .forcePathStyle(pathStyleAccess || endpointUri != null && lacksVirtualHosts(endpointUri.getHost()));
        if (maxAttempts > 0) {
            builder.overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(maxAttempts)));
        }
        if (endpointUri != null) {
            // S3-compatible stores often reject the newer checksum headers that AWS accepts, and
            // want Content-MD5 on bulk deletes.
            builder.endpointOverride(endpointUri)
                    .addPlugin(LegacyMd5Plugin.create())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .region(region != null ? Region.of(region) : FALLBACK_REGION);
        } else if (region != null) {
            builder.region(Region.of(region));
        } else {
            // Buckets of any region can then be reached; the request is redirected to the bucket's region.
            builder.region(defaultRegion()).crossRegionAccessEnabled(true);
        }
        return builder.build();
    }

    /** The endpoint as a URI; null for AWS's own, which the SDK finds from the region. */
    URI endpointUri() {
        if (endpoint == null || endpoint.equals("s3.amazonaws.com")) {
            return null;
        }
        return URI.create(endpoint.contains("://") ? endpoint : (sslEnabled ? "https://" : "http://") + endpoint);
    }

    private AwsCredentialsProvider credentials() {
        if (anonymous) {
            return AnonymousCredentialsProvider.create();
        }
        if (accessKey != null && secretKey != null) {
            return StaticCredentialsProvider.create(sessionToken != null
                    ? AwsSessionCredentials.create(accessKey, secretKey, sessionToken)
                    : AwsBasicCredentials.create(accessKey, secretKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static Region defaultRegion() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            return FALLBACK_REGION;
        }
    }

    /** A virtual-host address ({@code bucket.host}) needs a DNS name: an IP address or localhost takes buckets in the path only. */
    private static boolean lacksVirtualHosts(String host) {
        return host != null && (host.matches("[0-9.]+") || host.startsWith("[") || host.toLowerCase(Locale.ROOT).equals("localhost"));
    }

    /** Never shows the keys. */
    @Override
    public String toString() {
        return "S3ClientSettings[endpoint=" + endpoint + ", region=" + region + ", pathStyleAccess=" + pathStyleAccess
                + ", credentials=" + (anonymous ? "anonymous" : accessKey != null ? "keys" : "default chain") + "]";
    }
}
