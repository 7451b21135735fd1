#ifndef ZMQ_RAW_LOOP_H
#define ZMQ_RAW_LOOP_H
#endif
