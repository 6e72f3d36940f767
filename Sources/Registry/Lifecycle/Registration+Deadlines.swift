extension Registration {
  /// Days this registration was received after D1 of `campaign`; 0 on time, nil when not
  /// received yet.
  ///
  ///     registration.daysLate(in: campaign2023)  // 5 when received on 02/04/2023
  public func daysLate(in campaign: Campaign) -> Int? {
    receivedOn.map { Deadlines(campaign).registrationDaysLate(received: $0) }
  }

  /// Whether it was received by D1; nil when not received yet.
  public func isOnTime(in campaign: Campaign) -> Bool? {
    receivedOn.map { Deadlines(campaign).isRegistrationOnTime(received: $0) }
  }
}

extension Report {
  /// Days this report was submitted after D2 of `campaign`; 0 on time.
  public func daysLate(in campaign: Campaign) -> Int {
    Deadlines(campaign).reportDaysLate(submitted: submittedOn)
  }
}
