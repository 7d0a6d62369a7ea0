// The work-order authorisation contract shared by the services that act under work orders.
