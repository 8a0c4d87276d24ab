package dev.ember.io.s3;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;

/**
 * A real S3 server for tests: S3Proxy on 127.0.0.1 (a free port) over jclouds' in-memory store,
 * which keeps keys as S3 does (a marker {@code dir/} is an object of its own, not a directory),
 * checking AWS signatures made with {@link #ACCESS_KEY} and {@link #SECRET_KEY}.
 */
final class S3TestServer implements AutoCloseable {
    static final String ACCESS_KEY = "ember-access";
    static final String SECRET_KEY = "ember-secret";

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    S3TestServer() throws Exception {
        this.context = ContextBuilder.newBuilder(new TransientApiMetadata()).build(BlobStoreContext.class);
        this.proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // The SDK's checksum headers (x-amz-sdk-checksum-algorithm) are unknown to S3Proxy.
                .ignoreUnknownHeaders(true)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(5);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    void createBucket(String name) {
        context.getBlobStore().createContainerInLocation(null, name);
    }

    /** The s3a settings (without the session prefix) of a client of this server. */
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("fs.s3a.endpoint", endpoint());
        settings.put("fs.s3a.path.style.access", "true");
        settings.put("fs.s3a.access.key", ACCESS_KEY);
        settings.put("fs.s3a.secret.key", SECRET_KEY);
        return settings;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
