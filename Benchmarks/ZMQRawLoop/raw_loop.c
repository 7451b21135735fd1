// Baseline loop of the zmq-throughput benchmark; see include/zmq_raw_loop.h.
#include "zmq_raw_loop.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

typedef struct {
    void *context;
    char endpoint[256];
    int message_count;
    int message_size;
    int failed;
} sender_args;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *sender_main(void *raw) {
    sender_args *args = raw;
    void *dealer = zmq_socket(args->context, ZMQ_DEALER);
    int linger = 1000;
    char *payload = malloc((size_t)args->message_size);
    if (dealer == NULL || payload == NULL) { args->failed = 1; free(payload); return NULL; }
    memset(payload, 0x5A, (size_t)args->message_size);
    zmq_setsockopt(dealer, ZMQ_LINGER, &linger, sizeof linger);
    if (zmq_connect(dealer, args->endpoint) != 0) { args->failed = 1; goto done; }
    if (zmq_send(dealer, "ready", 5, 0) != 5) { args->failed = 1; goto done; }
    for (int i = 0; i < args->message_count; i++) {
        if (zmq_send(dealer, payload, (size_t)args->message_size, 0) != args->message_size) {
            args->failed = 1;
            break;
        }
    }
done:
    free(payload);
    zmq_close(dealer);
    return NULL;
}

double zmq_raw_loop_run(int message_count, int message_size, char *error, int error_capacity) {
    double result = -1;
    void *context = zmq_ctx_new();
    void *router = context ? zmq_socket(context, ZMQ_ROUTER) : NULL;
    sender_args args = {.context = context, .message_count = message_count, .message_size = message_size};
    size_t endpoint_size = sizeof args.endpoint;
    zmq_msg_t routing_id, body;
    pthread_t sender;
    int sender_started = 0;

    zmq_msg_init(&routing_id);
    zmq_msg_init(&body);
    if (router == NULL) { snprintf(error, (size_t)error_capacity, "zmq_socket: %s", zmq_strerror(zmq_errno())); goto done; }
    if (zmq_bind(router, "tcp://127.0.0.1:*") != 0
        || zmq_getsockopt(router, ZMQ_LAST_ENDPOINT, args.endpoint, &endpoint_size) != 0) {
        snprintf(error, (size_t)error_capacity, "zmq_bind: %s", zmq_strerror(zmq_errno()));
        goto done;
    }
    if (pthread_create(&sender, NULL, sender_main, &args) != 0) {
        snprintf(error, (size_t)error_capacity, "pthread_create failed");
        goto done;
    }
    sender_started = 1;
    if (zmq_msg_recv(&routing_id, router, 0) < 0 || zmq_msg_recv(&body, router, 0) < 0) {
        snprintf(error, (size_t)error_capacity, "warm-up receive: %s", zmq_strerror(zmq_errno()));
        goto done;
    }
    double start = now_seconds();
    for (int i = 0; i < message_count; i++) {
        if (zmq_msg_recv(&routing_id, router, 0) < 0 || zmq_msg_recv(&body, router, 0) != message_size) {
            snprintf(error, (size_t)error_capacity, "receive %d: %s", i, zmq_strerror(zmq_errno()));
            goto done;
        }
    }
    result = (double)message_count / (now_seconds() - start);
done:
    if (sender_started) pthread_join(sender, NULL);
    if (args.failed && result >= 0) { snprintf(error, (size_t)error_capacity, "sender failed"); result = -1; }
    zmq_msg_close(&routing_id);
    zmq_msg_close(&body);
    if (router) zmq_close(router);
    if (context) zmq_ctx_term(context);
    return result;
}
