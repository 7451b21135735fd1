#include "zmq_raw_loop.h"
